"""Public, read-only JSON API over published gigs; the same search as the web page."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics

from ..filters import GigSearchFilter
from ..models import Gig
from .serializers import GigDetailSerializer, GigSerializer


class GigListView(generics.ListAPIView):
    """Published gigs; with `q` ordered by relevance, else newest first.

    Filters: `q`, `pay_model`, `work_mode`, `channel` (repeatable), `duty` (repeatable),
    `schedule` (repeatable), `city`, `min_pay`, `sort` (relevance|newest|pay).
    Invalid values answer 400 with `{field: [message]}`.
    """

    serializer_class = GigSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = GigSearchFilter
    queryset = Gig.objects.published()


class GigDetailView(generics.RetrieveAPIView):
    """One published gig; anything else (draft, expired, someone's pending gig) is a 404."""

    serializer_class = GigDetailSerializer

    def get_queryset(self):
        return Gig.objects.published().with_card_data().defer("search_vector")
