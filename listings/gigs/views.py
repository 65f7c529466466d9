"""Gig pages: the public gig page, and the owner's pages to post, edit and manage gigs.

Other people's gigs are a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.permissions import EMPLOYER, role_required
from listings import ratelimits
from listings.actions import Button, Buttons
from listings.applications import selectors as application_selectors
from listings.discovery.selectors import gig_page_context
from listings.discovery.views import gig_ended
from listings.gigs import jsonld, selectors, services
from listings.gigs.forms import GigForm, TimeWindowFormSet, time_windows_from
from listings.models import Gig
from listings.vocabulary import GigStatus


def gig_detail(request, pk: int, slug: str):
    try:
        gig = selectors.gig_detail_for(user=request.user, pk=pk)
    except Gig.DoesNotExist:
        return gig_ended(request, pk=pk)
    if slug != gig.slug:
        return redirect(gig, permanent=True)
    services.gig_record_view(gig=gig, viewer=request.user)
    context = {"gig": gig, "jsonld": jsonld.job_posting(gig), **gig_page_context(gig)}
    return render(request, "listings/gig_detail.html", context)


def _windows_initial(gig: Gig) -> list[dict]:
    return [{"day": w.day, "start": w.start, "end": w.end} for w in gig.time_windows.all()]


def _save_gig(request, *, gig: Gig | None):
    """Shared create/edit flow: validate form + windows, call the service, show errors inline."""
    form = GigForm(request.POST or None, instance=gig)
    windows = TimeWindowFormSet(
        request.POST or None, prefix="windows", initial=_windows_initial(gig) if gig else None
    )
    if request.method == "POST" and form.is_valid() and windows.is_valid():
        try:
            with transaction.atomic():
                if gig is None:
                    gig = services.gig_create(
                        employer=request.user, data=form.gig_data(), time_windows=time_windows_from(windows)
                    )
                else:
                    gig = services.gig_update(
                        gig=gig,
                        by=request.user,
                        data=form.gig_data(),
                        time_windows=time_windows_from(windows),
                    )
                if request.POST.get("submit") and gig.status in (GigStatus.DRAFT, GigStatus.REJECTED):
                    services.gig_submit(gig=gig, by=request.user)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errs in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errs)
            else:
                form.add_error(None, error.messages)
        else:
            gig.refresh_from_db()
            messages.success(request, _status_message(gig))
            return redirect("listings:my_gigs")
    return render(request, "listings/gig_form.html", {"form": form, "windows": windows, "gig": gig})


def _status_message(gig: Gig) -> str:
    if gig.status == GigStatus.PENDING:
        return _("Lowongan “%(title)s” menunggu review moderator.") % {"title": gig.title}
    return _("Lowongan “%(title)s” disimpan.") % {"title": gig.title}


@role_required(EMPLOYER)
@ratelimit(key="user_or_ip", rate=ratelimits.gig_post, method="POST", block=True)
def gig_create(request):
    if not hasattr(request.user, "employer_profile"):
        messages.info(request, _("Lengkapi profil usaha Anda dulu sebelum memasang lowongan."))
        return redirect("accounts:employer_profile")
    return _save_gig(request, gig=None)


@login_required
def gig_edit(request, pk: int):
    gig = get_object_or_404(Gig.objects.owned_by(request.user), pk=pk)
    if gig.status == GigStatus.SUSPENDED:
        messages.error(request, _("Lowongan yang ditangguhkan tidak bisa diubah. Hubungi moderator."))
        return redirect("listings:my_gigs")
    return _save_gig(request, gig=gig)


MY_GIGS_PER_PAGE = 20


@role_required(EMPLOYER)
def my_gigs(request):
    page = Paginator(selectors.gig_list_for_owner(user=request.user), MY_GIGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    gigs = list(page.object_list)
    counts = application_selectors.applications_count_by_gig([gig.pk for gig in gigs])
    for gig in gigs:
        gig.application_counts = counts.get(gig.pk, application_selectors.ApplicationCounts())
        gig.buttons = OWNER_BUTTONS.for_(gig)
    return render(request, "listings/my_gigs.html", {"gigs": gigs, "page": page})


OWNER_BUTTONS = Buttons(
    Button(
        "submit",
        _l("Ajukan review"),
        _l("Lowongan diajukan dan menunggu review moderator."),
        services.gig_submit,
    ),
    Button("close", _l("Tutup lowongan"), _l("Lowongan ditutup."), services.gig_close, style="btn-ghost"),
    Button(
        "renew",
        _l("Perpanjang"),
        _l("Lowongan diperpanjang 30 hari dan menunggu review."),
        services.gig_renew,
    ),
    Button(
        "duplicate",
        _l("Duplikat"),
        _l("Salinan lowongan dibuat sebagai draf."),
        services.gig_duplicate,
        style="btn-ghost",
        always=True,
    ),
    allowed=services.allowed_actions,
)


@login_required
@require_POST
def gig_action(request, pk: int, action: str):
    button = OWNER_BUTTONS.get(action)
    gig = get_object_or_404(Gig.objects.owned_by(request.user), pk=pk)
    try:
        result = button.service(gig=gig, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("listings:my_gigs")
    messages.success(request, button.done)
    if action == "duplicate":
        return redirect("listings:gig_edit", pk=result.pk)
    return redirect("listings:my_gigs")
