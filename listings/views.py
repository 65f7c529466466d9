from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import jsonld, selectors
from .forms import SimpleFilterForm
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
    return render(request, "listings/gig_detail.html", {"gig": gig, "jsonld": jsonld.job_posting(gig)})
