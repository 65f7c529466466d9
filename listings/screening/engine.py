"""The generic screening engine: loads signals.toml and scores a `Subject` against it.

Nothing here knows about a particular scam; every phrase and weight lives in the data file.
Pattern signals are regexes with sentence/clause context rules; a few signals need numbers
or other gigs and use a named detector (`DETECTORS`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import fingerprint, flows, links
from .labels import evidence_text, label_for
from .normalize import normalize, plain, squeeze, squeeze_pattern
from .pay import pay_outlier_ratio

SIGNALS_FILE = Path(__file__).with_name("signals.toml")
# The gig fields screening reads, in this order (fingerprints are taken over the same text).
TEXT_FIELDS = ("title", "description", "requirements", "commission_description", "screening_question")
EVIDENCE_CONTEXT = 30
EVIDENCE_MAX = 200

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n]|(?<=[.!?])\s")
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class Reason:
    """One signal that fired: shown to moderators and stored on the gig's screening.

    `evidence` is the sentence (as the employer wrote it) that made it fire; `label` is the
    signal's meaning in the active language (labels.py), stored too for exports.
    """

    code: str
    label: str
    weight: int
    evidence: str
    # Figures behind the evidence as codes and numbers (pay model, rupiah), worded when read.
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = {"code": self.code, "label": self.label, "weight": self.weight, "evidence": self.evidence}
        if self.params:
            data["params"] = self.params
        return data

    @property
    def evidence_text(self) -> str:
        return evidence_text(self.evidence, self.params)


@dataclass(frozen=True)
class ScreeningResult:
    score: int
    reasons: tuple[Reason, ...]
    flag_threshold: int
    autopublish_max_score: int
    fingerprint: int | None = None

    @property
    def flagged(self) -> bool:
        """Hold for a moderator with the reasons shown."""
        return self.score >= self.flag_threshold

    @property
    def clean(self) -> bool:
        """Nothing worth a moderator's attention: a verified employer may publish directly."""
        return self.score <= self.autopublish_max_score

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]

    def reasons_as_json(self) -> list[dict]:
        return [r.as_dict() for r in self.reasons]


@dataclass
class Subject:
    """What the screening looks at, taken from a Gig (saved or not) or an import row."""

    texts: list[str]
    pay_model: str = ""
    pay_min: int | None = None
    pay_max: int | None = None
    hours_per_week: int | None = None
    employer_name: str = ""
    employer_id: int | None = None
    gig_id: int | None = None
    verified: bool = False
    business_presence: bool = False
    work_mode: str = ""
    city: str = ""
    raw: str = field(init=False)
    plain: str = field(init=False)
    normalized: str = field(init=False)

    def __post_init__(self) -> None:
        self.raw = "\n".join(t for t in self.texts if t)
        self.plain = plain(self.raw)
        self.normalized = normalize(self.raw)

    def text(self, which: str) -> str:
        return self.plain if which == "plain" else self.normalized

    @cached_property
    def fingerprint(self) -> int | None:
        return fingerprint.simhash_of_normalized(self.normalized)

    @cached_property
    def flows(self) -> dict[str, flows.Flow]:
        return {flow.kind: flow for flow in flows.read(self.normalized)}

    @cached_property
    def link_findings(self) -> list[links.Finding]:
        return links.findings(self.plain)

    @cached_property
    def _raw_sentences(self) -> list[tuple[str, str, str]]:
        return [(s, plain(s), normalize(s)) for s in flows.sentences(self.raw)]

    def sentence_of(self, which: str, fragment: str) -> str:
        """The sentence as the employer wrote it that holds `fragment` of the `which` text."""
        probe = fragment.strip()[:60]
        for raw, plain_form, normal_form in self._raw_sentences:
            if probe and probe in (plain_form if which == "plain" else normal_form):
                return _shorten(raw, EVIDENCE_MAX)
        return _shorten(fragment, EVIDENCE_MAX)

    def conditions(self) -> set[str]:
        held = set()
        if not self.verified:
            held.add("unverified")
        if not self.business_presence:
            held.add("no_business_presence")
        return held


@dataclass
class Signal:
    code: str
    label: str
    weight: int
    detector: str
    field: str
    when: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    unless_sentence: tuple[re.Pattern, ...]
    unless_before: tuple[re.Pattern, ...]
    unless_after: tuple[re.Pattern, ...]
    unless_near: tuple[re.Pattern, ...]
    near_window: int
    params: dict


@dataclass
class Rules:
    settings: dict
    lists: dict[str, str]
    signals: list[Signal]

    def signal(self, code: str) -> Signal:
        return next(s for s in self.signals if s.code == code)


def _compile(patterns: list[str], lists: dict[str, str], squeeze_it: bool) -> tuple[re.Pattern, ...]:
    compiled = []
    for pattern in patterns:
        expanded = pattern
        for _ in range(3):  # lists may name other lists
            expanded = _PLACEHOLDER.sub(lambda m: lists[m.group(1)], expanded)
        if squeeze_it:
            expanded = squeeze_pattern(expanded)
        compiled.append(re.compile(expanded, re.DOTALL))
    return tuple(compiled)


def parse_rules(data: dict) -> Rules:
    lists = data.get("lists", {})
    signals = []
    known = {"code", "label", "weight", "detector", "field", "when", "patterns"}
    known |= {"unless_sentence", "unless_before", "unless_after", "unless_near", "near_window"}
    for raw in data["signal"]:
        which = raw.get("field", "normalized")
        squeeze_it = which != "plain"

        def comp(key: str, raw=raw, squeeze_it=squeeze_it) -> tuple[re.Pattern, ...]:
            return _compile(raw.get(key, []), lists, squeeze_it)

        signals.append(
            Signal(
                code=raw["code"],
                label=raw.get("label", ""),
                weight=int(raw["weight"]),
                detector=raw.get("detector", "patterns"),
                field=which,
                when=tuple(raw.get("when", ())),
                patterns=comp("patterns"),
                unless_sentence=comp("unless_sentence"),
                unless_before=comp("unless_before"),
                unless_after=comp("unless_after"),
                unless_near=comp("unless_near"),
                near_window=int(raw.get("near_window", 45)),
                params={k: v for k, v in raw.items() if k not in known},
            )
        )
    return Rules(settings=data["settings"], lists=lists, signals=signals)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    with SIGNALS_FILE.open("rb") as fh:
        return parse_rules(tomllib.load(fh))


def _shorten(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - EVIDENCE_CONTEXT)
    right = min(len(text), end + EVIDENCE_CONTEXT)
    snippet = text[left:right].replace("\n", " ").strip()
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        left = m.end()
    nxt = _SENTENCE_BREAK.search(text, end)
    return left, nxt.start() if nxt else len(text)


def _clause_prefix(text: str, sentence_start: int, start: int) -> str:
    prefix = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    return prefix[breaks[-1].end() :] if breaks else prefix


def _clause_suffix(text: str, end: int, sentence_end: int) -> str:
    suffix = text[end:sentence_end]
    brk = _CLAUSE_BREAK.search(suffix)
    return suffix[: brk.start()] if brk else suffix


def _excused(signal: Signal, text: str, match: re.Match) -> bool:
    """True when the match's context shows it is not the worker who pays / is asked.

    A pattern spanning several words ("dropship … deposit") may name its decisive part
    `(?P<key>…)`; the clause rules then look around that part ("tanpa deposit").
    """
    start, end = match.span("key") if "key" in match.re.groupindex and match.group("key") else match.span()
    s_start, s_end = _sentence_bounds(text, start, end)
    sentence = text[s_start:s_end]
    if any(p.search(sentence) for p in signal.unless_sentence):
        return True
    near = text[max(s_start, start - signal.near_window) : min(s_end, end + signal.near_window)]
    if any(p.search(near) for p in signal.unless_near):
        return True
    before = _clause_prefix(text, s_start, start)
    if any(p.search(before) for p in signal.unless_before):
        return True
    after = _clause_suffix(text, end, s_end)
    return any(p.search(after) for p in signal.unless_after)


def detect_patterns(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    text = subject.text(signal.field)
    for pattern in signal.patterns:
        for match in pattern.finditer(text):
            if not _excused(signal, text, match):
                start, end = _sentence_bounds(text, match.start(), match.end())
                sentence = (
                    text[start:end]
                    if end - start <= EVIDENCE_MAX
                    else _snippet(text, match.start(), match.end())
                )
                return signal.weight, subject.sentence_of(signal.field, sentence.strip("… "))
    return None


def detect_flow(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    """A who-pays-whom / who-gets-the-data flow read sentence by sentence (flows.py)."""
    flow = subject.flows.get(signal.params["flow"])
    if flow is None:
        return None
    return signal.weight, subject.sentence_of("normalized", flow.sentence)


def detect_links(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    """Links and numbers of the kinds named in `kinds` (links.toml)."""
    for finding in subject.link_findings:
        if finding.kind in signal.params["kinds"]:
            evidence = subject.sentence_of("plain", finding.evidence)
            return signal.weight, f"{finding.detail}: {evidence}" if finding.detail else evidence
    return None


def detect_shouting(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    letters = [c for c in subject.raw if c.isalpha()]
    if len(letters) < signal.params["min_letters"]:
        return None
    ratio = sum(c.isupper() for c in letters) / len(letters)
    if ratio >= signal.params["caps_ratio"]:
        return signal.weight, f"{round(ratio * 100)}%: {_shorten(subject.raw, 120)}"
    return None


def detect_brand_employer(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    hit = detect_patterns(signal, subject, board)
    if hit:
        return _brand_weight(signal, subject, normalize(f"{subject.employer_name} {hit[1]}")), hit[1]
    name = normalize(subject.employer_name)
    if not name:
        return None
    brands = re.compile(rf"\b(?:{squeeze_pattern(load_rules().lists['brands'])})\b")
    if not brands.search(name):
        return None
    rest = brands.sub(" ", name)
    filler = {squeeze(w) for w in signal.params["filler"]}
    leftover = [w for w in re.split(r"[^\w&]+", rest) if w and w not in filler]
    if not leftover:
        return _brand_weight(signal, subject, name), subject.employer_name
    return None


def _brand_weight(signal: Signal, subject: Subject, name: str) -> int:
    """An authorised reseller or franchise outlet with a shop to walk into is not posing as HQ."""
    outlet = {squeeze(w) for w in signal.params["outlet_words"]}
    at_a_place = subject.work_mode in {"onsite", "hybrid"} and bool(subject.city)
    if at_a_place and outlet & set(re.split(r"[^\w&]+", name)):
        return int(signal.params["outlet_weight"])
    return signal.weight


def detect_pay_outlier(signal: Signal, subject: Subject, board) -> tuple[int, str, dict] | None:
    found = pay_outlier_ratio(subject, board, signal.params)
    if found is None:
        return None
    ratio, evidence, figures = found
    if ratio >= signal.params["strong_ratio"]:
        return signal.params["strong_weight"], evidence, figures
    if ratio >= signal.params["ratio"]:
        return signal.weight, evidence, figures
    return None


def detect_rejected_copy(signal: Signal, subject: Subject, board) -> tuple[int, str] | None:
    """Near copy (simhash) of a rejected or suspended post, or of a banned account's post."""
    if board is None or not board.rejected or subject.fingerprint is None:
        return None
    limit = int(signal.params["max_distance"])
    for gig_id, employer_id, theirs in board.rejected:
        if gig_id == subject.gig_id or (employer_id is not None and employer_id == subject.employer_id):
            continue
        bits = fingerprint.distance(subject.fingerprint, theirs)
        if bits <= limit:
            return signal.weight, f"#{gig_id} ({fingerprint.BITS - bits}/{fingerprint.BITS})"
    return None


Detector = Callable[[Signal, Subject, object], "tuple[int, str] | None"]
DETECTORS: dict[str, Detector] = {
    "patterns": detect_patterns,
    "shouting": detect_shouting,
    "brand_employer": detect_brand_employer,
    "pay_outlier": detect_pay_outlier,
    "rejected_copy": detect_rejected_copy,
    "flow": detect_flow,
    "links": detect_links,
}


def evaluate(subject: Subject, board=None, rules: Rules | None = None) -> ScreeningResult:
    """Score `subject`; `board` carries pay statistics and rejected posts (may be None)."""
    rules = rules or load_rules()
    held = subject.conditions()
    found: dict[str, Reason] = {}
    for signal in rules.signals:
        if not set(signal.when) <= held:
            continue
        hit = DETECTORS[signal.detector](signal, subject, board)
        if hit:
            weight, evidence, *figures = hit
            label = label_for(signal.code, signal.label)
            reason = Reason(signal.code, label, int(weight), evidence[:EVIDENCE_MAX], *figures)
            # A code may have several [[signal]] blocks (other context rules): it counts once.
            if signal.code not in found or reason.weight > found[signal.code].weight:
                found[signal.code] = reason
    reasons = sorted(found.values(), key=lambda r: -r.weight)
    score = min(sum(r.weight for r in reasons), int(rules.settings["max_score"]))
    return ScreeningResult(
        score=score,
        reasons=tuple(reasons),
        flag_threshold=int(rules.settings["flag_threshold"]),
        autopublish_max_score=int(rules.settings["autopublish_max_score"]),
        fingerprint=subject.fingerprint,
    )
