"""The search page (`/lowongan/`) and the home page's latest gigs."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from listings.gigs import selectors
from listings.search.filters import GigSearchFilter
from listings.search.paging import COUNT_BOUND, BoundedPaginator
from listings.traffic import services as traffic

PAGE_SIZE = 20


def home(request):
    return render(request, "listings/home.html", {"gigs": selectors.gig_latest()})


def gig_list(request):
    """The search page. htmx requests get only the results block; the URL is the search."""
    filterset = GigSearchFilter(request.GET)
    page = BoundedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page": page,
        "gigs": page.object_list,
        "search_query": query.urlencode(),
        "relaxations": [] if page.paginator.count else _relaxation_links(filterset, query),
        "results_capped": page.paginator.capped,
        "count_bound": COUNT_BOUND,
        "search_info": getattr(filterset.qs, "search_info", None),
    }
    traffic.gig_impressions_record(gigs=page.object_list)
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
