"""The gig list's page: DRF's `{count, next, previous, results}` plus what the search
understood and, when nothing matched exactly, what it relaxed (`listings.search.explain`)."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class SearchPagination(PageNumberPagination):
    search_info = None

    def paginate_queryset(self, queryset, request, view=None):
        self.search_info = getattr(queryset, "search_info", None)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        info = self.search_info.as_dict() if self.search_info else {"understood": [], "relaxed": []}
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
        paginated["required"] = [*paginated.get("required", []), "understood", "relaxed"]
        return paginated
