"""The worker's WhatsApp notification settings: verify the number, turn on, turn off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..models import WhatsAppOptIn
from . import client, services
from .forms import WhatsAppCodeForm

ACTIONS = ("send_code", "confirm", "stop")


@login_required
def whatsapp_settings(request):
    if not request.user.is_worker:
        raise Http404
    form = WhatsAppCodeForm()
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and action not in ACTIONS:
        raise Http404
    try:
        if action == "send_code":
            services.whatsapp_code_send(worker=request.user)
            messages.success(request, _("Kode terkirim ke WhatsApp Anda. Masukkan kodenya di bawah."))
            return redirect("listings:whatsapp_settings")
        if action == "confirm":
            form = WhatsAppCodeForm(request.POST)
            if form.is_valid():
                services.whatsapp_code_confirm(worker=request.user, code=form.cleaned_data["code"])
                messages.success(
                    request, _("Nomor terverifikasi. Notifikasi lowongan kini dikirim lewat WhatsApp.")
                )
                return redirect("listings:whatsapp_settings")
        if action == "stop":
            services.whatsapp_opt_out(worker=request.user)
            messages.success(
                request,
                _("Notifikasi WhatsApp dimatikan. Anda tetap menerima email dan notifikasi di situs."),
            )
            return redirect("listings:whatsapp_settings")
    except ValidationError as error:
        if action == "confirm":
            form.add_error("code", error.messages)
        else:
            messages.error(request, " ".join(error.messages))
            return redirect("listings:whatsapp_settings")
    profile = getattr(request.user, "worker_profile", None)
    return render(
        request,
        "listings/whatsapp/settings.html",
        {
            "available": client.enabled(),
            "opt_in": WhatsAppOptIn.objects.filter(worker=request.user).first(),
            "profile_number": profile.whatsapp if profile else "",
            "form": form,
        },
    )
