"""The board's own vocabulary: words that occur in live gigs, for correcting query typos.

Slang and business words are corrected against the dictionary (`parsing.correct_word`);
every other word ("laundri", "elektonik", "parfume") against the words live gigs actually
use, so a typo of any product or trade the board carries finds its posts.

- `SearchWord` rows (word, number of live gigs using it) are rebuilt from the live gigs by
  `board_words_rebuild` (hourly beat task; one set-based statement on PostgreSQL) and topped
  up by `board_words_add` when a gig is published, so a new post's words count at once.
- Each process keeps the vocabulary in memory (`board_words()`), indexed by first letter,
  and reloads it when the version in the cache moves (bumped by both writers): searches pay
  one cache read, and one SQL query after a change.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction

from ..models import Gig, SearchWord
from ..vocabulary import GigStatus
from .text import MAX_WORD_LENGTH, normalise_words

VERSION_KEY = "search:board-words:version"
MIN_LENGTH = 3
_REBUILD_SQL = """
INSERT INTO listings_search_word (word, gigs)
SELECT word, count(DISTINCT id)
  FROM listings_gig,
       regexp_split_to_table(lower(concat_ws(' ', title, description, requirements)), '[^a-z0-9]+') AS word
 WHERE status = %s AND length(word) BETWEEN %s AND %s AND word !~ '^[0-9]+$'
 GROUP BY word
"""


def gig_text(gig: Gig) -> str:
    """The owner's words of a gig (title, description, requirements): what the vocabulary
    counts and what `listings.hours` reads working hours from."""
    return " ".join((gig.title or "", gig.description or "", gig.requirements or ""))


def gig_words(gig: Gig) -> set[str]:
    """Distinct words of a gig's text, as queries are normalised."""
    return {w for w in normalise_words(gig_text(gig)) if len(w) >= MIN_LENGTH and not w.isdigit()}


def _bump_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def board_words_rebuild() -> int:
    """Recount the vocabulary from the live gigs (words of closed gigs fade). Returns rows."""
    with transaction.atomic():
        SearchWord.objects.all().delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(_REBUILD_SQL, [GigStatus.PUBLISHED, MIN_LENGTH, MAX_WORD_LENGTH])
                count = cursor.rowcount
        else:
            counts: Counter[str] = Counter()
            for gig in Gig.objects.filter(status=GigStatus.PUBLISHED).only(
                "title", "description", "requirements"
            ):
                counts.update(gig_words(gig))
            SearchWord.objects.bulk_create(SearchWord(word=w, gigs=n) for w, n in counts.items())
            count = len(counts)
    transaction.on_commit(_bump_version)
    return count


def board_words_add(*, gig: Gig) -> None:
    """Count a just-published gig's words (one statement); new words are known at once."""
    words = sorted(gig_words(gig))
    if not words:
        return
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (word, gigs) VALUES "
            + ", ".join(["(%s, 1)"] * len(words))
            + f" ON CONFLICT (word) DO UPDATE SET gigs = {table}.gigs + 1",
            words,
        )
    transaction.on_commit(_bump_version)


@dataclass(frozen=True)
class BoardWords:
    """The vocabulary in memory: word -> number of live gigs, and words by first letter."""

    gigs: dict[str, int] = field(default_factory=dict)
    by_first_letter: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, counts: dict[str, int]) -> BoardWords:
        buckets: dict[str, list[str]] = {}
        for word in sorted(counts):
            buckets.setdefault(word[0], []).append(word)
        return cls(gigs=counts, by_first_letter=buckets)

    def count(self, word: str) -> int:
        return self.gigs.get(word, 0)

    def starting_with(self, letter: str) -> list[str]:
        return self.by_first_letter.get(letter, [])


EMPTY = BoardWords()
_loaded: dict[str, object] = {"version": None, "words": EMPTY}
_lock = threading.Lock()


def board_words() -> BoardWords:
    """This process's copy of the vocabulary, reloaded when another process changed it."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    if _loaded["version"] != version:
        with _lock:
            if _loaded["version"] != version:
                counts = dict(SearchWord.objects.values_list("word", "gigs"))
                _loaded["words"], _loaded["version"] = BoardWords.of(counts), version
    return _loaded["words"]  # type: ignore[return-value]
