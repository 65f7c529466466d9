"""Links and phone numbers in a post, classified from `links.toml`.

`findings(text)` reads the plain (folded, links intact) text and returns what a moderator
should know: shorteners, chat-group invitations, apps installed from files, throw-away
domains and phone numbers with foreign country codes (also inside wa.me links).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LINKS_FILE = Path(__file__).with_name("links.toml")

_URL = re.compile(r"(?<![\w@.])(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,12})(/[^\s,;)\]\"']*)?", re.IGNORECASE)
_FILE_NAME = re.compile(r"\b[\w-]+\.([a-z]{2,5})\b")
# "+855 96 123 4567", "00855-96…", "wa.me/85596…", "api.whatsapp.com/send?phone=855…"
_INTERNATIONAL = re.compile(r"(?:(?<![\w+])\+|\b00|wa\.me/|phone=)\s?(\d[\d\s.\-()]{6,18}\d)")
_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class Finding:
    kind: str
    evidence: str
    detail: str = ""


@dataclass(frozen=True)
class Intelligence:
    home_code: str
    shorteners: frozenset[str]
    chat_groups: frozenset[str]
    app_extensions: frozenset[str]
    app_domains: tuple[str, ...]
    risky_tlds: frozenset[str]
    foreign_codes: dict[str, str]


@lru_cache(maxsize=1)
def intelligence() -> Intelligence:
    with LINKS_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    return Intelligence(
        home_code=data["home"]["country_code"],
        shorteners=frozenset(data["shorteners"]["domains"]),
        chat_groups=frozenset(data["chat_groups"]["domains"]),
        app_extensions=frozenset(data["apps"]["extensions"]),
        app_domains=tuple(data["apps"]["domains"]),
        risky_tlds=frozenset(data["risky_tlds"]["endings"]),
        foreign_codes=dict(data["foreign_codes"]),
    )


def _country(digits: str, intel: Intelligence) -> str | None:
    """The foreign country code `digits` starts with (longest match), None for home/unknown."""
    if digits.startswith(intel.home_code):
        return None
    for size in (3, 2, 1):
        if digits[:size] in intel.foreign_codes:
            return digits[:size]
    return None


def _link_kind(host: str, path: str, intel: Intelligence) -> str | None:
    host = host.lower().removeprefix("www.")
    address = host + (path or "")
    if host in intel.shorteners:
        return "shortener"
    if host in intel.chat_groups:
        return "chat_group"
    if any(address.startswith(d) for d in intel.app_domains):
        return "app_file"
    ending = host.rsplit(".", 1)[-1]
    if ending in intel.app_extensions:
        return "app_file"
    if path and path.rsplit(".", 1)[-1].lower() in intel.app_extensions:
        return "app_file"
    if ending in intel.risky_tlds and host.count(".") >= 1:
        return "risky_tld"
    return None


def findings(text: str) -> list[Finding]:
    """Everything suspicious about the links and numbers in `text` (plain form)."""
    intel = intelligence()
    found: list[Finding] = []
    for match in _URL.finditer(text):
        kind = _link_kind(match.group(1), match.group(2) or "", intel)
        if kind:
            found.append(Finding(kind, match.group(0)))
    for match in _FILE_NAME.finditer(text):
        if match.group(1) in intel.app_extensions:
            found.append(Finding("app_file", match.group(0)))
    for match in _INTERNATIONAL.finditer(text):
        digits = _DIGITS.sub("", match.group(1))
        code = _country(digits, intel)
        if code and 8 <= len(digits) <= 15:
            found.append(Finding("foreign_number", match.group(0).strip(), intel.foreign_codes[code]))
    return found
