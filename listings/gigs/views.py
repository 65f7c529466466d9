"""Gig pages: the public gig page, and the owner's pages to post, edit and manage gigs.

Other people's gigs are a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_ratelimit.core import get_usage, is_ratelimited

from accounts.permissions import EMPLOYER, role_required
from listings import pagecache, ratelimits, schedule
from listings.actions import Button, Buttons, confirm_page, needs_confirmation
from listings.applications import selectors as application_selectors
from listings.discovery.selectors import gig_page_context
from listings.discovery.views import gig_ended
from listings.gigs import jsonld, selectors, services
from listings.gigs.forms import (
    GigForm,
    TimeWindowFormSet,
    time_window_rows_again,
    time_windows_from,
    typed_again,
    wants_more_rows,
)
from listings.models import Gig
from listings.traffic.services import gig_hits_replay
from listings.vocabulary import GigStatus


@pagecache.anonymous(replay=gig_hits_replay)
def gig_detail(request, pk: int, slug: str):
    try:
        gig, commitments = selectors.gig_detail_for(user=request.user, pk=pk)
    except Gig.DoesNotExist:
        return gig_ended(request, pk=pk)
    if slug != gig.slug:
        return redirect(gig, permanent=True)
    services.gig_record_view(gig=gig, viewer=request.user)
    context = {
        "gig": gig,
        "commitments": commitments,
        "jsonld": jsonld.job_posting(gig),
        **gig_page_context(gig),
    }
    response = render(request, "listings/gig_detail.html", context)
    if gig.is_live:
        response.replay = {"views": [gig.pk]}
    return response


def _windows_initial(gig: Gig) -> list[dict]:
    return schedule.window_rows(gig.time_windows.all())


# Only gigs actually posted count against the limit: a form sent back with errors does not.
POST_LIMIT = {
    "group": "listings.gig_create",
    "key": "user_or_ip",
    "rate": ratelimits.gig_post,
    "method": "POST",
}
RATE_LIMITED = gettext_lazy(
    "Anda sudah memasang banyak lowongan dalam satu jam. Isian Anda masih di sini; coba simpan lagi nanti."
)


def _save_gig(request, *, gig: Gig | None, limited: bool = False):
    """Shared create/edit flow: validate form + windows, call the service, show errors inline.

    `limited` (posting rate reached): nothing is saved, and the form comes back as typed."""
    form = GigForm(request.POST or None, instance=gig)
    windows = TimeWindowFormSet(
        request.POST or None, prefix="windows", initial=_windows_initial(gig) if gig else None
    )
    if wants_more_rows(request, windows.prefix):
        context = {
            "form": typed_again(form, instance=gig),
            "windows": time_window_rows_again(windows),
            "gig": gig,
        }
        return render(request, "listings/gig_form.html", context)
    if limited:
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        context = {"form": form, "windows": windows, "gig": gig}
        return render(request, "listings/gig_form.html", context, status=429)
    if request.method == "POST" and form.is_valid() and windows.is_valid():
        created = gig is None
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
            if created:
                is_ratelimited(request, increment=True, **POST_LIMIT)
            gig.refresh_from_db()
            messages.success(request, _status_message(gig))
            return redirect("listings:my_gigs")
    return render(request, "listings/gig_form.html", {"form": form, "windows": windows, "gig": gig})


def _status_message(gig: Gig) -> str:
    """What really happened: live now, waiting for review, or only saved."""
    if gig.status == GigStatus.PUBLISHED:
        return _("Lowongan “%(title)s” sudah tayang: UMKM terverifikasi dan lolos pemeriksaan otomatis.") % {
            "title": gig.title
        }
    if gig.status == GigStatus.PENDING:
        return _("Lowongan “%(title)s” menunggu review moderator.") % {"title": gig.title}
    return _("Lowongan “%(title)s” disimpan.") % {"title": gig.title}


@role_required(EMPLOYER)
def gig_create(request):
    if not hasattr(request.user, "employer_profile"):
        messages.info(request, _("Lengkapi profil usaha Anda dulu sebelum memasang lowongan."))
        return redirect("accounts:employer_profile")
    usage = get_usage(request, increment=False, **POST_LIMIT) if request.method == "POST" else None
    limited = usage is not None and usage["count"] >= usage["limit"]
    return _save_gig(request, gig=None, limited=limited)


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
        gettext_lazy("Ajukan review"),
        gettext_lazy("Lowongan diajukan dan menunggu review moderator."),
        services.gig_submit,
    ),
    Button(
        "close",
        gettext_lazy("Tutup lowongan"),
        gettext_lazy("Lowongan ditutup."),
        services.gig_close,
        style="btn-ghost",
        confirm=gettext_lazy("Tutup lowongan “%(title)s”? Pelamar baru tidak bisa melamar lagi."),
        confirm_label=gettext_lazy("Ya, tutup"),
    ),
    Button(
        "renew",
        gettext_lazy("Perpanjang"),
        gettext_lazy("Lowongan diperpanjang 30 hari dan menunggu review."),
        services.gig_renew,
    ),
    Button(
        "duplicate",
        gettext_lazy("Duplikat"),
        gettext_lazy("Salinan lowongan dibuat sebagai draf."),
        services.gig_duplicate,
        style="btn-ghost",
        always=True,
    ),
    Button(
        "delete",
        gettext_lazy("Hapus draf"),
        gettext_lazy("Draf dihapus."),
        services.gig_delete_draft,
        style="btn-danger",
        confirm=gettext_lazy("Hapus draf “%(title)s”? Draf yang dihapus tidak bisa dikembalikan."),
        confirm_label=gettext_lazy("Ya, hapus"),
    ),
    allowed=services.owner_actions,
)


@login_required
@require_POST
def gig_action(request, pk: int, action: str):
    button = OWNER_BUTTONS.get(action)
    gig = get_object_or_404(Gig.objects.owned_by(request.user), pk=pk)
    if button.confirm and needs_confirmation(request):
        return confirm_page(
            request,
            question=button.confirm % {"title": gig.title},
            label=button.confirm_label,
            action_url=reverse("listings:gig_action", args=[gig.pk, action]),
            cancel_url=reverse("listings:my_gigs"),
        )
    try:
        result = button.service(gig=gig, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("listings:my_gigs")
    success = button.done
    if action in ("submit", "renew"):  # screening may have published it already: say so
        result.refresh_from_db()
        success = _status_message(result)
    messages.success(request, success)
    if action == "duplicate":
        return redirect("listings:gig_edit", pk=result.pk)
    return redirect("listings:my_gigs")
