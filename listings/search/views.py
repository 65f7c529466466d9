"""The search page (`/lowongan/`) and the home page's latest gigs."""

from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from listings import pagecache
from listings.gigs import selectors
from listings.search.filters import GigSearchFilter
from listings.search.paging import COUNT_BOUND, BoundedPaginator
from listings.traffic import services as traffic

PAGE_SIZE = 20


@pagecache.anonymous()
def home(request):
    return render(request, "listings/home.html", {"gigs": selectors.gig_latest()})


@pagecache.anonymous(replay=traffic.gig_hits_replay)
def gig_list(request):
    """The search page. htmx requests get only the results block; the URL is the search."""
    clean = None if request.htmx else _without_empty_params(request)
    if clean is not None:
        return HttpResponseRedirect(clean)
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
    response.replay = {"impressions": [gig.pk for gig in page.object_list]}
    return response


def _without_empty_params(request) -> str | None:
    """A plain form (no JavaScript) submits every field, so a shared link would read
    `?q=cs&city=&channel=&min_pay=`. The address of the same search without the empty
    values (repeated values kept in order), or None when the request is already clean."""
    items = [(name, value) for name, values in request.GET.lists() for value in values]
    kept = [(name, value) for name, value in items if value != ""]
    if len(kept) == len(items):
        return None
    query = QueryDict(mutable=True)
    for name, value in kept:
        query.appendlist(name, value)
    return request.path + (f"?{query.urlencode()}" if kept else "")


def _relaxation_links(filterset: GigSearchFilter, query) -> list[dict]:
    suggestions = selectors.gig_search_relaxations(params=filterset.params)
    for suggestion in suggestions:
        relaxed = query.copy()
        relaxed.pop(suggestion["name"], None)
        suggestion["query"] = relaxed.urlencode()
    return suggestions
