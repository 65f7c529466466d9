from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from . import jsonld, ratelimits, selectors, services
from .filters import GigSearchFilter
from .forms import ReportForm
from .models import Gig
from .search import RANK_WINDOW

PAGE_SIZE = 20


def ratelimited(request, exception=None):
    """Every rate limit (django-ratelimit, allauth, axes lockout) answers with the same page."""
    return render(request, "429.html", status=429)


def home(request):
    return render(request, "listings/home.html", {"gigs": selectors.gig_latest()})


def gig_list(request):
    """The search page. htmx requests get only the results block; the URL is the search."""
    filterset = GigSearchFilter(request.GET)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page": page,
        "gigs": page.object_list,
        "search_query": query.urlencode(),
        "relaxations": [] if page.paginator.count else _relaxation_links(filterset, query),
        "results_capped": (getattr(filterset.qs, "known_count", None) or 0) >= RANK_WINDOW,
    }
    template = "listings/_search_results.html" if request.htmx else "listings/gig_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _relaxation_links(filterset: GigSearchFilter, query) -> list[dict]:
    suggestions = selectors.gig_search_relaxations(params=filterset.params)
    for suggestion in suggestions:
        relaxed = query.copy()
        relaxed.pop(suggestion["name"], None)
        suggestion["query"] = relaxed.urlencode()
    return suggestions


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
@ratelimit(key="user_or_ip", rate=ratelimits.report, method="POST", block=True)
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
        gig.refresh_from_db(fields=["status"])
        if not gig.is_live:  # this report took it down: its page is gone for the reporter too
            return render(request, "listings/report_thanks.html", {"gig": gig})
        return redirect(gig)
    return render(request, "listings/gig_report.html", {"gig": gig, "form": form})
