"""Page counts that never COUNT the whole board: at most `COUNT_BOUND` rows past the page.

An exact COUNT(*) of a broad list ("newest first", a pay-model filter) reads every live
gig: about a second at 1M gigs, on every page view. Job seekers read the first pages; the
page says "Lebih dari 1.000 lowongan" instead.
"""

from __future__ import annotations

import contextlib

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_BOUND = 1000


def bounded_count(qs: QuerySet, bound: int = COUNT_BOUND) -> tuple[int, bool]:
    """(count, capped): the exact count up to `bound`, else (bound + 1, True).

    A ranked relevance set knows its size (`known_count`, no query) and whether more gigs
    matched than it holds (`capped`).
    """
    known = getattr(qs, "known_count", None)
    if known is not None:
        return known, bool(getattr(qs, "capped", False))
    counted = qs[: bound + 1].count()
    return counted, counted > bound


class BoundedPaginator(Paginator):
    """A Paginator whose count stops `COUNT_BOUND` rows past the start of the wanted page.

    `capped` says whether more rows exist than counted; the page after the last counted
    one still exists (the count includes one row of it), so "next" links keep working.
    """

    capped = False
    _wanted_page = 1

    def validate_number(self, number):
        with contextlib.suppress(TypeError, ValueError):  # the base class answers those
            self._wanted_page = max(1, int(number))
        return super().validate_number(number)

    @cached_property
    def count(self) -> int:
        bound = (self._wanted_page - 1) * self.per_page + max(COUNT_BOUND, self.per_page)
        counted, self.capped = bounded_count(self.object_list, bound)
        return counted
