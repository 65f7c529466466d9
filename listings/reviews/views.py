"""Writing a review (the two parties of an application) and hiding one (moderators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import MODERATOR, role_required
from listings.applications import selectors as application_selectors

from ..models import Application, Review
from . import selectors, services
from .forms import ReviewForm, ReviewHideForm


@login_required
def review_write(request, pk: int):
    """The review form under an application; anyone but its two parties gets a 404."""
    try:
        application = application_selectors.application_for(user=request.user, pk=pk)
    except Application.DoesNotExist:
        raise Http404(_("Lamaran tidak ditemukan.")) from None
    state = selectors.review_state(application, request.user)
    if state is None or not state.can_write:
        messages.info(
            request,
            _("Ulasan ditulis sekali, dalam 30 hari setelah pelamar diterima atau masa percobaan selesai."),
        )
        return redirect(application)
    is_owner = application.gig.employer_id == request.user.pk
    direction = Review.Direction.OF_WORKER if is_owner else Review.Direction.OF_EMPLOYER
    form = ReviewForm(request.POST or None, direction=direction)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_submit(application=application, by=request.user, **form.cleaned_data)
        except services.ReviewError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.error(request, " ".join(error.messages))
                return redirect(application)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(
                request,
                _("Terima kasih! Ulasan tampil setelah kedua pihak menulis, atau setelah 14 hari."),
            )
            return redirect(application)
    return render(
        request,
        "listings/reviews/review_form.html",
        {
            "application": application,
            "gig": application.gig,
            "form": form,
            "is_owner": is_owner,
            "state": state,
        },
    )


@role_required(MODERATOR)
def review_queue(request):
    """Moderators: every review, newest first, hidden ones marked, with a hide form."""
    page = Paginator(selectors.reviews_for_moderation(), 25).get_page(request.GET.get("page"))
    return render(
        request, "listings/reviews/review_queue.html", {"page": page, "hide_form": ReviewHideForm()}
    )


@role_required(MODERATOR)
@require_POST
def review_moderate(request, pk: int, action: str):
    if action not in ("hide", "unhide"):
        raise Http404
    review = get_object_or_404(Review, pk=pk)
    if action == "hide":
        form = ReviewHideForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tuliskan alasan ulasan ini disembunyikan."))
            return redirect("listings:review_queue")
        services.review_hide(review=review, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Ulasan disembunyikan."))
    else:
        services.review_unhide(review=review, by=request.user, reason=request.POST.get("reason", "")[:1000])
        messages.success(request, _("Ulasan ditampilkan lagi."))
    return redirect("listings:review_queue")
