from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from listings.models import Gig

from .forms import EmployerProfileForm
from .models import EmployerProfile


@login_required
def dashboard(request):
    """Send each role to where their work is."""
    user = request.user
    if user.is_staff:
        return redirect("listings:moderation_queue")
    if user.is_employer:
        if not hasattr(user, "employer_profile"):
            return redirect("accounts:employer_profile")
        return redirect("listings:my_gigs")
    return redirect("listings:gig_list")


@login_required
def employer_profile(request):
    if not request.user.is_employer:
        messages.error(request, _("Halaman ini khusus pemilik usaha."))
        return redirect("accounts:dashboard")
    profile = getattr(request.user, "employer_profile", None)
    form = EmployerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        profile.user = request.user
        profile.save()
        messages.success(request, _("Profil usaha disimpan."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/employer_profile_form.html", {"form": form})


def employer_public(request, pk: int):
    profile = get_object_or_404(EmployerProfile.objects.select_related("user"), pk=pk)
    gigs = Gig.objects.published().filter(employer=profile.user).order_by("-published_at")
    return render(request, "accounts/employer_public.html", {"profile": profile, "gigs": gigs})
