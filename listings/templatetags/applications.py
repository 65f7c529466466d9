from django import template

from listings import schedule
from listings.applications import selectors as application_selectors
from listings.applications.forms import ApplyForm

register = template.Library()


@register.inclusion_tag("includes/gig_apply_box.html", takes_context=True)
def gig_apply_box(context, gig):
    """The apply form (or the viewer's application, or the owner's applicant link) under a gig."""
    user = context["request"].user
    box = {"gig": gig, "user": user, "request": context["request"]}
    if not user.is_authenticated:
        return box
    if gig.employer_id == user.pk:
        counts = application_selectors.applications_count_by_gig([gig.pk]).get(
            gig.pk, application_selectors.ApplicationCounts()
        )
        return {**box, "is_owner": True, "counts": counts}
    if not user.is_worker:
        return box
    commitments = context.get("commitments") or application_selectors.worker_commitments(worker=user, gig=gig)
    box["application"] = commitments.application
    if box["application"] is None and gig.is_live:
        hired = commitments.hired
        box["form"] = ApplyForm(gig=gig)
        box["conflicts"] = schedule.schedule_conflicts(gig, hired)
        box["applied_conflicts"] = schedule.schedule_conflicts(gig, commitments.applied)
        box["hired_gigs"] = hired
        box["workload_with_gig"] = schedule.workload([*hired, gig])
        profile = getattr(user, "worker_profile", None)
        box["missing_whatsapp"] = profile is None or not profile.whatsapp
    return box
