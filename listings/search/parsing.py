"""Query understanding: from what people type ("custumer servis malam!!", "admn olshop jogja")
to a list of `Concept`s the ranking can score.

Steps: normalise (case, accents, punctuation, letters repeated for emphasis), split into
words keeping `"quoted phrases"` and `-excluded` words (websearch style), correct typos
against the dictionary's vocabulary and the words live gigs use (`words.py`), then match
the longest known phrase at each position.
Words the dictionary does not know become free-text concepts (stemmed full-text search
with prefix matching on PostgreSQL). A typed word that names a concept also stays a word of
its own ("asisten" is the admin concept, and still finds posts that say "asisten"), so a
concept never hides the literal text. Pay typed into the query ("minimal 2jt", "25rb/jam")
is taken out first (`amounts.extract_pay`) and becomes `ParsedQuery.pay`. "aja", "only",
"khusus" next to a concept make it exclusive (`Concept.required`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .amounts import PayConstraint, extract_pay
from .dictionary import Concept, Dictionary, get_dictionary
from .text import MAX_WORD_LENGTH, WORD_RE, fold, normalise_words, squeeze_repeats
from .words import EMPTY as EMPTY_BOARD
from .words import BoardWords, board_words

MAX_QUERY_WORDS = 12
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment), `limit` + 1
    beyond `limit`."""
    return OSA.distance(a, b, score_cutoff=limit)


# A word the board uses this many times less often than a neighbour one typo away is read
# as that neighbour ("laundri" in one post, "laundry" in forty).
RARE_SHARE = 20
# Indonesian suffixes (and the casual "-in"): "transferan" is "transfer", "balesin" "bales".
SUFFIXES = frozenset({"an", "nya", "kan", "in", "i", "lah", "ku", "mu"})


def _plausible(word: str, candidate: str) -> bool:
    """People rarely mistype the first letter (or swap the first two): keeps corrections
    conservative."""
    return candidate[0] == word[0] or candidate[:2] == word[1::-1]


def _nearest(word: str, choices, limit: int) -> list[tuple[str, int]]:
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return [
        (choice, distance) for choice, distance, _ in found if choice != word and _plausible(word, choice)
    ]


def correct_word(word: str, dictionary: Dictionary, board: Callable[[], BoardWords] | None = None) -> str:
    """The word a likely typo stands for; other words come back unchanged.

    Dictionary words first ('custumer' -> 'customer', 'admn' -> 'admin'), then the words
    live gigs use (`board`, see `words.py`: 'laundri' -> 'laundry', 'elektonik' ->
    'elektronik'). A word the board itself uses stays as typed ("sambal" is not a typo of
    a dictionary word) unless a neighbour is far more common there.
    """
    known = dictionary.known_words
    if word in known or word.isdigit() or len(word) < 4:
        return word
    limit = 1 if len(word) < 7 else 2
    words = board() if board is not None else EMPTY_BOARD
    typed_count = words.count(word)
    board_choices = words.starting_with(word[0]) + [
        w for w in words.starting_with(word[1]) if w[:2] == word[1::-1]
    ]
    board_near = _nearest(word, board_choices, limit) if board_choices else []
    dictionary_near = _nearest(word, known, limit)
    if typed_count:
        # A suffixed form of a dictionary word ("transferan", "adminnya") is that word.
        stems = [c for c, _d in dictionary_near if word.startswith(c) and word[len(c) :] in SUFFIXES]
        if stems:
            return max(stems, key=len)
        common = [(c, d) for c, d in board_near if words.count(c) >= RARE_SHARE * typed_count]
        if not common:
            return word
        return min(common, key=lambda cd: (cd[1], -words.count(cd[0])))[0]
    candidates = [(c, d, 0) for c, d in dictionary_near]
    candidates += [(c, d, 1) for c, d in board_near]
    if not candidates:
        return word
    # Closest first; at equal distance the dictionary, then the more used, longer word.
    return min(candidates, key=lambda c: (c[1], c[2], -words.count(c[0]), -len(c[0]), c[0]))[0]


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    concepts: tuple[Concept, ...]
    pay: PayConstraint | None = None
    names_other_role: bool = False

    @property
    def positive(self) -> tuple[Concept, ...]:
        return tuple(c for c in self.concepts if not c.negated)

    @property
    def negative(self) -> tuple[Concept, ...]:
        return tuple(c for c in self.concepts if c.negated)

    @property
    def filtering(self) -> tuple[Concept, ...]:
        """Concepts a gig must match at least one of (generic words only rank)."""
        return tuple(c for c in self.positive if not c.generic)

    @property
    def required(self) -> tuple[Concept, ...]:
        """Concepts a gig must match, each ("wfh aja")."""
        return tuple(c for c in self.positive if c.required)

    @property
    def asks_for_cs_role(self) -> bool:
        """The query is for customer-service/admin work, as on this board unless it names
        another job ("kurir", "video editor"): other job titles then rank lower."""
        return not self.names_other_role

    @property
    def understood(self) -> bool:
        """Some word was recognised (a dictionary concept): enough to rank gigs by."""
        return any(not c.fuzzy for c in self.positive)

    @property
    def constrains(self) -> bool:
        """Anything beyond ranking: a pay constraint or an exclusive concept."""
        return self.pay is not None or bool(self.required)

    def hints(self) -> dict[str, set[str]]:
        """Structured codes the query implies, e.g. {'work_mode': {'remote'}}."""
        found: dict[str, set[str]] = {}
        for concept in self.positive:
            for name, codes in concept.hints.items():
                found.setdefault(name, set()).update(codes)
        return found


FREE_TEXT_WEIGHT = 1.5
LITERAL_WEIGHT = 0.75  # the typed word itself, next to the concept it names


def _free_text(
    words: list[str], negated: bool, weight: float = FREE_TEXT_WEIGHT, generic: bool = False
) -> Concept:
    phrase = " ".join(words)
    return Concept(
        key=f"text:{phrase}", terms=(phrase,), weight=weight, fuzzy=True, negated=negated, generic=generic
    )


def _needs_literal(phrase: tuple[str, ...], concept: Concept) -> bool:
    """Whether a typed word is worth searching as text besides its concept: a real word
    ("reservasi", "petugas"), not a spelling of one of the concept's terms ("whatsap")."""
    if len(phrase) != 1 or len(phrase[0]) < 4 or concept.generic or concept.cities:
        return False
    typed = phrase[0]
    for term in concept.terms:
        words = normalise_words(term)
        if typed in words or any(edit_distance(typed, word, 2) <= 2 for word in words):
            return False
    return True


def _match_phrases(words: list[str], dictionary: Dictionary, negated: bool) -> list[Concept]:
    concepts: list[Concept] = []
    exclusive_next = False
    i = 0
    while i < len(words):
        if words[i] in dictionary.only_words:
            # "wfh aja" / "night only": the concept before; "khusus weekend": the one after.
            if concepts and not exclusive_next and not concepts[-1].fuzzy and i > 0:
                concepts[-1] = replace(concepts[-1], required=True)
            else:
                exclusive_next = True
            i += 1
            continue
        for size in range(min(dictionary.longest_phrase, len(words) - i), 0, -1):
            phrase = tuple(words[i : i + size])
            concept = dictionary.phrases.get(phrase)
            if concept is not None:
                if exclusive_next and not negated:
                    concept, exclusive_next = replace(concept, required=True), False
                concepts.append(concept if not negated else _negate(concept))
                if not negated and _needs_literal(phrase, concept):
                    concepts.append(_free_text(list(phrase), False, LITERAL_WEIGHT, generic=True))
                i += size
                break
        else:
            if words[i] not in dictionary.stopwords and not words[i].isdigit():
                concepts.append(_free_text([words[i]], negated))
            i += 1
    return concepts


def _negate(concept: Concept) -> Concept:
    return replace(concept, negated=True, required=False)


def parse_query(
    text: str, dictionary: Dictionary | None = None, board: Callable[[], BoardWords] | None = board_words
) -> ParsedQuery:
    """Turn a raw query into concepts; each concept appears once, in query order.

    `board` gives the board's vocabulary for typo correction; it is only asked for when a
    word is unknown to the dictionary (pass None to correct against the dictionary alone).
    """
    dictionary = dictionary or get_dictionary()
    pay, text_without_pay = extract_pay(fold(text or "")[:500])
    concepts: list[Concept] = []
    run: list[str] = []  # consecutive plain words, matched together so phrases span them

    def words_of(token: str) -> list[str]:
        return [
            correct_word(squeeze_repeats(w, dictionary.known_words)[:MAX_WORD_LENGTH], dictionary, board)
            for w in WORD_RE.findall(token)
        ]

    def flush() -> None:
        concepts.extend(_match_phrases(run, dictionary, negated=False))
        run.clear()

    for match in _TOKEN_RE.finditer(text_without_pay):
        minus, quoted, bare = match.groups()
        if quoted is not None:
            flush()
            words = normalise_words(quoted)
            if words:
                concepts.append(_free_text(words, negated=bool(minus)))
        elif bare.startswith("-") and len(bare) > 1:
            flush()
            concepts.extend(_match_phrases(words_of(bare), dictionary, negated=True))
        else:
            run.extend(words_of(bare))
    flush()
    if pay is not None:
        # The typed pay already filters on the estimate; its unit ("harian 120rb", "25rb/jam")
        # only ranks gigs paid that way first, so a monthly gig paying enough still shows.
        unit = dictionary.concept_for_pay_model(pay.unit)
        concepts = [c for c in concepts if unit is None or c.key != unit.key]
        if unit is not None:
            concepts.append(replace(unit, generic=True))
    unique: dict[tuple[str, bool], Concept] = {}
    for concept in concepts:
        key = (concept.key, concept.negated)
        if key not in unique or concept.required:
            unique[key] = concept
    return ParsedQuery(
        text=text or "",
        concepts=tuple(unique.values())[:MAX_QUERY_WORDS],
        pay=pay,
        names_other_role=_names_other_role(normalise_words(text_without_pay), dictionary),
    )


def _names_other_role(words: list[str], dictionary: Dictionary) -> bool:
    if dictionary.other_roles is None:
        return False
    typed = f" {' '.join(words)} "
    return any(phrase in typed for phrase in _spaced_phrases(dictionary.other_roles.terms))


@cache
def _spaced_phrases(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Each term normalised once per process, padded for whole-word containment tests."""
    return tuple(f" {' '.join(normalise_words(term))} " for term in terms)
