"""Worker pages for job alerts ("Notifikasi lowongan") and the email unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import WORKER, has_role, role_required
from listings.alerts import services as alerts
from listings.alerts.forms import AlertEditForm, AlertSaveForm, ProfileMatchingForm
from listings.alerts.unsubscribe import unsubscribe_alerts


def _search_url(query: str) -> str:
    url = reverse("listings:gig_list")
    return f"{url}?{query}" if query else url


PENDING_ALERT = "pending_alert_query"


@login_required
def alert_resume(request):
    """Where login sends a worker who tapped "Kabari saya" logged out: save that alert now."""
    query = request.session.pop(PENDING_ALERT, None)
    if query is None or not request.user.is_worker:
        return redirect(_search_url(query or ""))
    form = AlertSaveForm({"query": query, "frequency": "instant"})
    return _save_alert(request, form, query)


@require_POST
def alert_create(request):
    """Save the search the worker is looking at (its query string) as an alert."""
    form = AlertSaveForm(request.POST)
    query = (request.POST.get("query") or "")[:2000]
    if not request.user.is_authenticated:
        # Kept in the session (not the URL): after login or signup the alert is saved for them.
        request.session[PENDING_ALERT] = query
        return redirect_to_login(reverse("listings:alert_resume"))
    if not has_role(request.user, WORKER):
        raise Http404
    return _save_alert(request, form, query)


def _save_alert(request, form, query: str):
    if form.is_valid():
        try:
            alert = alerts.alert_create(
                worker=request.user,
                criteria=form.cleaned_data["criteria"],
                name=form.cleaned_data["name"],
                frequency=form.cleaned_data["frequency"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Notifikasi “%(name)s” disimpan. Kami kabari kalau ada lowongan baru yang cocok.")
                % {"name": alert.name},
            )
            return redirect(_search_url(query))
    return render(
        request, "listings/alert_save.html", {"form": form, "search_url": _search_url(query)}, status=400
    )


@role_required(WORKER)
def alert_list(request):
    items = [
        (alert, AlertEditForm(instance=alert, prefix=f"a{alert.pk}"))
        for alert in alerts.alerts_for(worker=request.user)
    ]
    profile_alert = alerts.profile_alert_for(worker=request.user)
    return render(
        request,
        "listings/alert_list.html",
        {
            "items": items,
            "profile_alert": profile_alert,
            "profile_form": ProfileMatchingForm(
                initial={
                    "enabled": profile_alert is not None,
                    "frequency": getattr(profile_alert, "frequency", "daily"),
                }
            ),
        },
    )


def _own_alert(request, pk: int):
    return get_object_or_404(alerts.alerts_for(worker=request.user), pk=pk)


@role_required(WORKER)
@require_POST
def alert_update(request, pk: int):
    alert = _own_alert(request, pk)
    form = AlertEditForm(request.POST, instance=alert, prefix=f"a{alert.pk}")
    if form.is_valid():
        alerts.alert_update(
            alert=alert,
            by=request.user,
            name=form.cleaned_data["name"],
            frequency=form.cleaned_data["frequency"],
        )
        messages.success(request, _("Notifikasi disimpan."))
    else:
        messages.error(
            request,
            _("Periksa lagi: %(errors)s") % {"errors": " ".join(m for e in form.errors.values() for m in e)},
        )
    return redirect("listings:alert_list")


@role_required(WORKER)
@require_POST
def alert_pause(request, pk: int):
    alert = _own_alert(request, pk)
    paused = request.POST.get("paused") == "1"
    alerts.alert_set_paused(alert=alert, by=request.user, paused=paused)
    messages.success(request, _("Notifikasi dijeda.") if paused else _("Notifikasi aktif lagi."))
    return redirect("listings:alert_list")


@role_required(WORKER)
@require_POST
def alert_delete(request, pk: int):
    alert = _own_alert(request, pk)
    alerts.alert_delete(alert=alert, by=request.user)
    messages.success(request, _("Notifikasi dihapus."))
    return redirect("listings:alert_list")


@role_required(WORKER)
@require_POST
def profile_matching(request):
    form = ProfileMatchingForm(request.POST)
    if form.is_valid():
        enabled = form.cleaned_data["enabled"]
        alerts.profile_matching_set(
            worker=request.user, enabled=enabled, frequency=form.cleaned_data["frequency"]
        )
        messages.success(
            request,
            _("Anda akan dikabari lowongan yang cocok dengan profil Anda.")
            if enabled
            else _("Notifikasi sesuai profil dimatikan."),
        )
    return redirect("listings:alert_list")


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without our cookie; the signed token is the proof
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token: str):
    """GET shows a confirm button (link scanners must not unsubscribe); POST unsubscribes."""
    try:
        found = unsubscribe_alerts(token)
    except signing.SignatureExpired:
        return render(request, "listings/alert_unsubscribe.html", {"state": "expired"}, status=410)
    except signing.BadSignature:
        return render(request, "listings/alert_unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        found = alerts.alerts_unsubscribe(token=token)
        return render(request, "listings/alert_unsubscribe.html", {"state": "done", "alerts": found})
    return render(
        request, "listings/alert_unsubscribe.html", {"state": "confirm", "alerts": found, "token": token}
    )
