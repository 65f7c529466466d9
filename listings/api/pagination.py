"""The gig list's page: DRF's `{count, next, previous, results}` plus what the search
understood and, when nothing matched exactly, what it relaxed (`listings.search.explain`).

`count` is bounded (`listings.search.paging`): exact up to 1,000 rows past the page, and
`count_capped` is true when more gigs match than counted."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from listings.search.paging import BoundedPaginator


class SearchPagination(PageNumberPagination):
    django_paginator_class = BoundedPaginator
    search_info = None

    def paginate_queryset(self, queryset, request, view=None):
        self.search_info = getattr(queryset, "search_info", None)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        info = self.search_info.as_dict() if self.search_info else {"understood": [], "relaxed": []}
        response.data["count_capped"] = self.page.paginator.capped
        response.data.update(info)
        return Response(response.data)

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        words = {"type": "array", "items": {"type": "string"}}
        paginated["properties"]["understood"] = {
            **words,
            "description": "What the query was read as, e.g. “Gaji ≥ Rp 2.500.000/bulan”.",
        }
        paginated["properties"]["relaxed"] = {
            **words,
            "description": "Empty unless nothing matched exactly: what was set aside to find these results.",
        }
        paginated["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "True when more gigs match than `count` says (counts stop past 1,000 rows).",
        }
        paginated["required"] = [*paginated.get("required", []), "understood", "relaxed", "count_capped"]
        return paginated
