"""What a search understood, in words the searcher reads ("Gaji ≥ Rp 2.500.000/bulan").

`explain(parsed)` turns a `ParsedQuery` into a `SearchInfo`: the page shows it above the
results, the API returns it (`understood`, `relaxed`) and alerts show it with the saved
search. When a ranked search finds nothing, `search_gigs` relaxes the query and `relaxed`
says what was set aside, so results never widen silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .dictionary import HINT_VOCABULARIES, Concept
from .parsing import ParsedQuery


@dataclass(frozen=True)
class SearchInfo:
    understood: list[str] = field(default_factory=list)
    relaxed: list[str] = field(default_factory=list)
    # The query names a city: remote gigs in the results are there because anyone can take them.
    city_asked: bool = False

    def as_dict(self) -> dict[str, list[str]]:
        return {"understood": list(self.understood), "relaxed": list(self.relaxed)}


def concept_label(concept: Concept, *, short: bool = False) -> str:
    if concept.cities and (short or concept.required):
        return _("Kota %(city)s") % {"city": concept.cities[0]}
    if concept.cities:
        return _("Kota %(city)s, lalu lowongan yang bisa dari mana saja") % {"city": concept.cities[0]}
    hints = {name: codes for name, codes in concept.hints.items() if name in HINT_VOCABULARIES}
    if len(hints) > 1:
        hints.pop("time", None)  # "Malam", not "Malam / Malam (18.00–24.00) / Dini hari"
    labels = [str(HINT_VOCABULARIES[name](code).label) for name, codes in hints.items() for code in codes]
    if concept.key.startswith("business:"):
        label = _("Jenis usaha: %(kind)s") % {"kind": concept.terms[0]}
    elif concept.fuzzy:
        label = f"“{concept.terms[0]}”"
    elif labels and not concept.generic:
        label = " / ".join(labels)
    else:
        label = concept.terms[0] if concept.terms else concept.key
    return _("%(what)s saja") % {"what": label} if concept.required else label


def explain(parsed: ParsedQuery, *, relaxed: bool = False) -> SearchInfo:
    """The understood parts of `parsed`; with `relaxed`, what the zero-results fallback dropped."""
    understood = [parsed.pay.label()] if parsed.pay else []
    seen: set[str] = set()
    pay_unit = (parsed.pay.unit,) if parsed.pay else None
    for concept in parsed.positive:
        if pay_unit and concept.hints.get("pay_model") == pay_unit:
            continue  # already said by the pay label ("…/bulan")
        label = concept_label(concept)
        if label not in seen:
            seen.add(label)
            understood.append(label)
    understood += [_("tanpa %(what)s") % {"what": concept_label(c)} for c in parsed.negative]
    dropped: list[str] = []
    if relaxed:
        if parsed.pay:
            dropped.append(parsed.pay.label())
        dropped += [concept_label(c, short=True) for c in parsed.required]
        words = [concept_label(c, short=True) for c in parsed.filtering if not c.required]
        if words:
            dropped.append(_("harus memuat salah satu dari: %(words)s") % {"words": ", ".join(words)})
    city_asked = any(c.cities and not c.required for c in parsed.positive)
    return SearchInfo(understood=understood, relaxed=dropped, city_asked=city_asked)
