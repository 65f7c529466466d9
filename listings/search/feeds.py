"""RSS and Atom feeds of any search: `/lowongan/feed/?<the search page's query string>`."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from listings.search.filters import GigSearchFilter

FEED_SIZE = 30


class GigSearchFeed(Feed):
    """The newest gigs matching a search, for feed readers and Telegram bots.

    Readers render titles and descriptions as HTML, so every text we put in is escaped (as
    Django's own Feed defaults do): what people typed is shown, never run.
    """

    def get_object(self, request):
        params = request.GET.copy()
        params.pop("page", None)
        filterset = GigSearchFilter(params)
        if not filterset.is_valid():
            raise Http404(_("Filter pencarian tidak valid."))
        return {"filterset": filterset, "query": params.urlencode()}

    def title(self, obj):
        q = obj["filterset"].form.cleaned_data.get("q")
        return escape(_("Loker CS: %(q)s") % {"q": q} if q else _("Loker CS: lowongan terbaru"))

    def link(self, obj):
        return reverse("listings:gig_list") + (f"?{obj['query']}" if obj["query"] else "")

    def description(self, obj):
        return _("Lowongan admin online & CS yang cocok dengan pencarian Anda.")

    def items(self, obj):
        # Newest first whatever the page's sort: a feed is a stream of new matches, and like
        # an alert it never relaxes (a relaxed search has no exact matches to stream).
        results = obj["filterset"].qs
        info = getattr(results, "search_info", None)
        if info is not None and info.relaxed:
            return []
        return results.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, gig):
        return escape(gig.title)

    def item_description(self, gig):
        return escape(f"{gig.pay_display} · {gig.location_display} — {gig.description[:300]}")

    def item_pubdate(self, gig):
        return gig.published_at

    def item_author_name(self, gig):
        profile = getattr(gig.employer, "employer_profile", None)
        return escape(profile.business_name) if profile else ""


class GigSearchAtomFeed(GigSearchFeed):
    feed_type = Atom1Feed
    subtitle = GigSearchFeed.description
