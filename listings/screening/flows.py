"""Sentence-level reading of who pays whom and who gets the worker's data.

A keyword ("transfer", "deposit", "KTP") says little on its own: a CS admin confirms
customers' transfers, a rental shop checks tenants' deposits, a shop asks for the ID card
when the contract is signed. What decides is the flow in the sentence — money from the
worker to the employer, the worker's codes or identity to a stranger, the worker's accounts
rented out, the worker sent abroad. `read(text)` splits the normalised text into sentences,
finds the parties and acts named in `flows.toml` and returns each flow it sees with the
sentence as evidence. The words live in the data file; the reasoning lives here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import squeeze

FLOWS_FILE = Path(__file__).with_name("flows.toml")

SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+|\s[•✅📌-]\s")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:lalu|kemudian|nanti|setelah itu|then)\s")
_AMOUNT = re.compile(r"(?:\brp\.?\s?\d|\b\d[\d.,]*\s?(?:rb|ribu|k|jt|juta|usd|usdt|dolar|dollar)\b|\$\s?\d)")
_HIGH_YIELD = re.compile(
    r"\b(?:bunga|profit|return|keuntungan|untung|imbal hasil|cuan|roi)\b[^.]{0,20}?\b(\d+(?:[.,]\d+)?)\s?%\s?"
    r"(?:/|per|se|tiap|setiap|a|an)?\s?(hari|harian|minggu|mingguan|pekan|bulan|bulanan|day|daily|week|month)\b"
)
# Paid now, "returned" once hired: the worker fronts the money ("diganti setelah kontrak").
_REFUNDED_LATER = re.compile(
    r"\b(?:diganti|dikembalikan|direfund|refund|di-refund|direimburse|reimburse|dibayar balik|refunded|"
    r"returned)\s"
    r"(?:\w+\s){0,2}(?:setelah|saat|ketika|pas|di|bersama|dengan|after|with|when)\s(?:\w+\s){0,2}"
    r"(?:diterima|lolos|kontrak|gajian|gaji|kerja|bekerja|bergabung|masuk|hired|salary|first)\b"
)
_MASS_NUMBERS = re.compile(
    r"\b(?:\d[\d.]*\s?(?:rb|ribu|k)?|ratusan|ribuan|puluhan)\s(?:nomor|kontak|number|contacts|grup|group|groups)\b"
)
# Passive forms say nothing about who pays unless a fee is the subject ("biaya … dibayarkan").
_PASSIVE_PAY = frozenset(
    squeeze(w) for w in ("dibayar", "dibayarkan", "ditransfer", "disetor", "diisi", "terisi", "dibeli")
)
_WAGES_HELD = re.compile(
    r"\b(?:ditahan|tertahan|baru (?:bisa )?(?:cair|dicairkan|dibayar|ditarik)|"
    r"bisa (?:dicairkan|ditarik|cair)|tidak (?:bisa )?(?:cair|dicairkan|ditarik)|held|locked|frozen)\b"
    r"[^.]{0,50}?\b(?:sampai|setelah|jika|kalau|bila|hingga|until|unless|after)\b"
)


@dataclass(frozen=True)
class Flow:
    kind: str
    sentence: str


def _words(items: list[str]) -> re.Pattern:
    ordered = sorted({squeeze(w.lower()) for w in items}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w-])")


@dataclass(frozen=True)
class Lexicon:
    worker: re.Pattern
    customer: re.Pattern
    customer_money: re.Pattern
    event: re.Pattern
    pay: re.Pattern
    handle: re.Pattern
    fee: re.Pattern
    stage: re.Pattern
    obligation: re.Pattern
    reimbursed_later: re.Pattern
    appointed_vendor: re.Pattern
    employer_pays: re.Pattern
    wage: re.Pattern
    negation: re.Pattern
    warning: re.Pattern
    secret: re.Pattern
    identity: re.Pattern
    give: re.Pattern
    in_person: re.Pattern
    credit: re.Pattern
    in_your_name: re.Pattern
    identity_use: re.Pattern
    own_hiring: re.Pattern
    app_install: re.Pattern
    app_from_chat: re.Pattern
    accounts: re.Pattern
    trade: re.Pattern
    use: re.Pattern
    own: re.Pattern
    receive: re.Pattern
    goods: re.Pattern
    forward: re.Pattern
    blast: re.Pattern
    places: re.Pattern
    strong_travel: re.Pattern
    weak_travel: re.Pattern
    stay_home: re.Pattern
    travel_trade: re.Pattern
    schemes: re.Pattern
    buy_in: re.Pattern


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with FLOWS_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    sections = {name: words for section in data.values() for name, words in section.items()}
    return Lexicon(**{name: _words(sections[name]) for name in Lexicon.__dataclass_fields__})


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_BREAK.split(text) if s and len(s.strip()) > 3]


def _negated(sentence: str, start: int, lex: Lexicon) -> bool:
    before = sentence[max(0, start - 25) : start]
    return bool(lex.negation.search(before))


def _worker_named(sentence: str, lex: Lexicon) -> bool:
    """A worker word that is not part of a customer phrase ("peserta" vs "peserta lomba")."""
    customers = [m.span() for m in lex.customer.finditer(sentence)]
    return any(
        not any(start <= m.start() < end for start, end in customers) for m in lex.worker.finditer(sentence)
    )


_PARTICIPANT = re.compile(r"\b(?:peserta|member|anggota)\b")


def _customer_named(text: str, lex: Lexicon) -> bool:
    return bool(lex.customer.search(text) or (lex.event.search(text) and _PARTICIPANT.search(text)))


def _told_to_pay(sentence: str, lex: Lexicon) -> bool:
    """An obligation right before a payment or a fee, with nobody else named as payer."""
    for duty in lex.obligation.finditer(sentence):
        ahead = sentence[duty.end() : duty.end() + 30]
        act = lex.pay.search(ahead) or lex.fee.search(ahead)
        if act is None:
            continue
        if not lex.wage.search(ahead, 0, act.start()) and not lex.handle.search(ahead, 0, act.start()):
            return True
    return False


def _worker_pays(sentence: str, lex: Lexicon) -> bool:
    if lex.warning.search(sentence) or lex.employer_pays.search(sentence):
        return False
    worker = _worker_named(sentence, lex)
    if _customer_named(sentence, lex) and not worker:
        return False
    stage = lex.stage.search(sentence)
    if not (worker or stage or _told_to_pay(sentence, lex)):
        return False
    if lex.reimbursed_later.search(sentence) or _REFUNDED_LATER.search(sentence):
        return True
    if stage and lex.appointed_vendor.search(sentence):
        return True
    for clause in _CLAUSE_BREAK.split(sentence):
        someone_else = _customer_named(clause, lex) or lex.customer_money.search(clause)
        if someone_else and not _worker_named(clause, lex):
            continue
        fee = lex.fee.search(clause)
        if fee and not _negated(clause, fee.start(), lex):
            amount = _AMOUNT.search(clause, fee.end())
            if amount and not lex.wage.search(clause, fee.end(), amount.start()):
                return True
        for act in lex.pay.finditer(clause):
            if _negated(clause, act.start(), lex):
                continue
            before = clause[: act.start()]
            if act.group(0) in _PASSIVE_PAY and not lex.fee.search(before):
                continue
            if lex.wage.search(before[-30:]) or lex.handle.search(before[-25:]):
                continue
            if lex.wage.match(clause, act.end() + 1):
                continue
            if re.match(
                r"\s(?:ke|to)\s(?:rekening|akun|wallet|dompet)\s(?:kamu|anda|your|pribadi)",
                clause[act.end() :],
            ):
                continue
            return True
    return False


def _data_to_them(sentence: str, lex: Lexicon) -> bool:
    if lex.warning.search(sentence) or lex.in_person.search(sentence):
        return False
    mine = lex.in_your_name.search(sentence)
    if mine and lex.identity_use.search(sentence, mine.end()) and not lex.own_hiring.search(sentence):
        return True
    if lex.customer.search(sentence):
        return False
    for item in (*lex.secret.finditer(sentence), *lex.identity.finditer(sentence)):
        if _negated(sentence, item.start(), lex):
            continue
        if lex.give.search(sentence) or item.group(0).startswith(("selfie", "memegang", "pegang")):
            return True
    return False


def _credit_in_name(sentence: str, lex: Lexicon) -> bool:
    return bool(
        lex.credit.search(sentence)
        and lex.in_your_name.search(sentence)
        and not lex.warning.search(sentence)
        and not lex.customer.search(sentence)
    )


def _app_from_chat(sentence: str, lex: Lexicon) -> bool:
    return bool(
        lex.app_install.search(sentence)
        and lex.app_from_chat.search(sentence)
        and not lex.warning.search(sentence)
    )


def _account_trade(sentence: str, lex: Lexicon) -> bool:
    if lex.warning.search(sentence) or not lex.accounts.search(sentence):
        return False
    trade = lex.trade.search(sentence)
    if trade and not _negated(sentence, trade.start(), lex) and not lex.customer.search(sentence):
        return True
    return bool(lex.use.search(sentence) and lex.own.search(sentence))


def _receive_forward(sentence: str, lex: Lexicon) -> bool:
    receive = lex.receive.search(sentence)
    if not receive or lex.warning.search(sentence):
        return False
    if not (lex.goods.search(sentence) and lex.forward.search(sentence, receive.end())):
        return False
    return bool(lex.own.search(sentence) or not lex.customer.search(sentence))


def _blast(sentence: str, lex: Lexicon) -> bool:
    if not lex.blast.search(sentence) or lex.warning.search(sentence):
        return False
    return bool(_MASS_NUMBERS.search(sentence) or lex.own.search(sentence))


def _abroad_place(sentence: str, lex: Lexicon) -> bool:
    place = lex.places.search(sentence)
    return bool(
        place
        and not lex.travel_trade.search(sentence)
        and not lex.stay_home.search(sentence)
        and not _negated(sentence, place.start(), lex)
    )


def _moved(sentence: str, lex: Lexicon) -> bool:
    travel = lex.strong_travel.search(sentence)
    return bool(
        travel
        and not lex.stay_home.search(sentence)
        and not lex.travel_trade.search(sentence)
        and not _negated(sentence, travel.start(), lex)
    )


def _abroad(parts: list[str], lex: Lexicon, stays_home: bool) -> str | None:
    """A place abroad and, anywhere in the post, being moved there (ticket, lodging, papers)."""
    places = [s for s in parts if _abroad_place(s, lex)]
    if not places:
        return None
    if any(_moved(s, lex) for s in parts):
        return places[0]
    if not stays_home:
        return next((s for s in places if lex.weak_travel.search(s)), None)
    return None


def _investment(sentence: str, lex: Lexicon) -> bool:
    if lex.warning.search(sentence):
        return False
    if lex.customer.search(sentence) and not _worker_named(sentence, lex):
        return False
    for match in _HIGH_YIELD.finditer(sentence):
        rate, period = float(match.group(1).replace(",", ".")), match.group(2)
        if not period.startswith(("bulan", "month")) or rate >= 5:
            return True
    buy_in = lex.buy_in.search(sentence)
    return bool(lex.schemes.search(sentence) and buy_in and not _negated(sentence, buy_in.start(), lex))


def _wages_held(sentence: str, lex: Lexicon) -> bool:
    return bool(
        lex.wage.search(sentence)
        and _WAGES_HELD.search(sentence)
        and (lex.pay.search(sentence) or lex.fee.search(sentence))
    )


def read(text: str) -> list[Flow]:
    """Every flow found in `text` (normalised), one per kind, with its first sentence."""
    lex = lexicon()
    stays_home = bool(lex.stay_home.search(text))
    checks = {
        "worker_pays": lambda s: _worker_pays(s, lex),
        "wages_held": lambda s: _wages_held(s, lex),
        "data_to_them": lambda s: _data_to_them(s, lex),
        "credit_in_name": lambda s: _credit_in_name(s, lex),
        "app_from_chat": lambda s: _app_from_chat(s, lex),
        "account_trade": lambda s: _account_trade(s, lex),
        "receive_forward": lambda s: _receive_forward(s, lex),
        "mass_messaging": lambda s: _blast(s, lex),
        "investment_scheme": lambda s: _investment(s, lex),
    }
    found: dict[str, Flow] = {}
    parts = sentences(text)
    for sentence in parts:
        for kind, check in checks.items():
            if kind not in found and check(sentence):
                found[kind] = Flow(kind, sentence)
    abroad = _abroad(parts, lex, stays_home)
    if abroad:
        found["abroad_placement"] = Flow("abroad_placement", abroad)
    return list(found.values())
