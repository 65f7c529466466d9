"""Query understanding: from what people type ("custumer servis malam!!", "admn olshop jogja")
to a list of `Concept`s the ranking can score.

Steps: normalise (case, accents, punctuation, letters repeated for emphasis), split into
words keeping `"quoted phrases"` and `-excluded` words (websearch style), correct typos
against the dictionary's vocabulary, then match the longest known phrase at each position.
Words the dictionary does not know become free-text concepts (stemmed full-text search,
trigram similarity on PostgreSQL). A typed word that names a concept also stays a word of
its own ("asisten" is the admin concept, and still finds posts that say "asisten"), so a
concept never hides the literal text. Pay typed into the query ("minimal 2jt", "25rb/jam")
is taken out first (`amounts.extract_pay`) and becomes `ParsedQuery.pay`. "aja", "only",
"khusus" next to a concept make it exclusive (`Concept.required`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .amounts import PayConstraint, extract_pay
from .dictionary import Concept, Dictionary, get_dictionary
from .text import MAX_WORD_LENGTH, WORD_RE, fold, normalise_words, squeeze_repeats

MAX_QUERY_WORDS = 12
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent transpositions) distance, giving up beyond `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev_prev: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev_prev[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev_prev, prev = prev, row
    return prev[-1]


def correct_word(word: str, dictionary: Dictionary) -> str:
    """The closest dictionary word for a likely typo ('custumer' -> 'customer', 'admn' ->
    'admin'); unknown words with no close neighbour come back unchanged."""
    known = dictionary.known_words
    if word in known or word.isdigit() or len(word) < 4:
        return word
    limit = 1 if len(word) < 7 else 2
    best, best_distance = word, limit + 1
    for candidate in sorted(known):
        if candidate[0] != word[0] and candidate[:2] != word[1::-1]:
            continue  # people rarely mistype the first letter; keeps corrections conservative
        distance = edit_distance(word, candidate, limit)
        if distance < best_distance or (distance == best_distance and len(candidate) > len(best)):
            best, best_distance = candidate, distance
    return best if best_distance <= limit else word


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


def parse_query(text: str, dictionary: Dictionary | None = None) -> ParsedQuery:
    """Turn a raw query into concepts; each concept appears once, in query order."""
    dictionary = dictionary or get_dictionary()
    pay, text_without_pay = extract_pay(fold(text or "")[:500])
    concepts: list[Concept] = []
    run: list[str] = []  # consecutive plain words, matched together so phrases span them

    def words_of(token: str) -> list[str]:
        return [
            correct_word(squeeze_repeats(w, dictionary.known_words)[:MAX_WORD_LENGTH], dictionary)
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
    return any(f" {' '.join(normalise_words(term))} " in typed for term in dictionary.other_roles.terms)
