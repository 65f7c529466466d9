from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from . import jsonld, selectors, services
from .forms import ReportForm, SimpleFilterForm
from .models import Gig


def ratelimited(request, exception=None):
    return HttpResponse(_("Terlalu banyak permintaan. Coba lagi beberapa menit lagi."), status=429)


def home(request):
    latest = selectors.gig_public_list()[:8]
    return render(request, "listings/home.html", {"gigs": latest, "filter_form": SimpleFilterForm()})


def gig_list(request):
    form = SimpleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.gig_public_list(filters=filters), 20).get_page(request.GET.get("page"))
    return render(request, "listings/gig_list.html", {"page": page, "gigs": page.object_list, "form": form})


def gig_detail(request, pk: int, slug: str):
    try:
        gig = selectors.gig_detail_for(user=request.user, pk=pk)
    except Gig.DoesNotExist:
        raise Http404(_("Lowongan tidak ditemukan.")) from None
    if slug != gig.slug:
        return redirect(gig, permanent=True)
    if gig.is_live and gig.employer_id != request.user.pk:
        Gig.objects.filter(pk=gig.pk).update(view_count=F("view_count") + 1)
    return render(request, "listings/gig_detail.html", {"gig": gig, "jsonld": jsonld.job_posting(gig)})


@login_required
@ratelimit(key="user", rate="10/h", method="POST", block=True)
def gig_report(request, pk: int, slug: str):
    gig = get_object_or_404(Gig.objects.published(), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(gig=gig, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Terima kasih, laporan Anda sudah kami terima dan akan diperiksa moderator.")
            )
        return redirect(gig)
    return render(request, "listings/gig_report.html", {"gig": gig, "form": form})
