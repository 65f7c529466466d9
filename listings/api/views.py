"""Public, read-only JSON API over published gigs; the same search as the web page."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from listings import pagecache
from listings.search.filters import GigSearchFilter
from listings.verification.selectors import badges_attach

from ..models import Gig
from .pagination import SearchPagination
from .serializers import LIST_FIELDS, GigDetailSerializer, GigSerializer


def _with_badges(gigs):
    """What each employer's badge says, loaded once per page instead of once per gig."""
    if gigs is not None:
        badges_attach(getattr(gig.employer, "employer_profile", None) for gig in gigs)
    return gigs


# Every answer the API can give is documented, so clients (and schemathesis) can rely on it.
_DETAIL = inline_serializer("ErrorDetail", fields={"detail": serializers.CharField()})
_NOT_FOUND = OpenApiResponse(_DETAIL, description="No such published gig, or a page past the last one.")
_THROTTLED = OpenApiResponse(_DETAIL, description="Too many requests from this address; retry later.")


@extend_schema(
    responses={
        200: GigSerializer(many=True),
        400: OpenApiResponse(OpenApiTypes.OBJECT, description="Invalid filter values: {field: [message]}."),
        404: _NOT_FOUND,
        429: _THROTTLED,
    }
)
class GigListView(generics.ListAPIView):
    """Published gigs; with `q` ordered by relevance, else newest first.

    Filters: `q`, `pay_model`, `work_mode`, `channel` (repeatable), `duty` (repeatable),
    `schedule` (repeatable), `city`, `min_pay`, `sort` (relevance|newest|pay).
    Invalid values answer 400 with `{field: [message]}`. Besides the page, `understood`
    lists how the query was read and `relaxed` what was set aside when nothing matched.
    """

    serializer_class = GigSerializer
    pagination_class = SearchPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = GigSearchFilter
    queryset = Gig.objects.published()

    def paginate_queryset(self, queryset):
        info = getattr(queryset, "search_info", None)
        queryset = queryset.only(*LIST_FIELDS)
        queryset.search_info = info
        return _with_badges(super().paginate_queryset(queryset))

    def list(self, request, *args, **kwargs):
        return Response(pagecache.cached_data(request, lambda: super(GigListView, self).list(request).data))


@extend_schema(
    parameters=[
        OpenApiParameter("id", {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}, OpenApiParameter.PATH)
    ],
    responses={200: GigDetailSerializer, 404: _NOT_FOUND, 429: _THROTTLED},
)
class GigDetailView(generics.RetrieveAPIView):
    """One published gig; anything else (draft, expired, someone's pending gig) is a 404."""

    serializer_class = GigDetailSerializer

    def get_queryset(self):
        return Gig.objects.published().with_card_data().defer("search_vector")

    def retrieve(self, request, *args, **kwargs):
        compute = lambda: super(GigDetailView, self).retrieve(request, *args, **kwargs).data  # noqa: E731
        return Response(pagecache.cached_data(request, compute))
