"""Vocabulary codes from what people write: "harian", "Per jam", "WFH", "Paruh waktu".

`import_gigs` files come from owners' spreadsheets, which hold labels rather than codes.
A value is recognised when it is the code, one of its labels (Indonesian or English, or a
part of a label split at "/" and brackets: "WFH / dari rumah"), or a word listed in
`code_aliases.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from django.db import models
from django.utils import translation

from .vocabulary import Channel, Duty, PayModel, Schedule, WorkMode

ALIASES_FILE = Path(__file__).with_name("code_aliases.json")
VOCABULARIES: dict[str, type[models.TextChoices]] = {
    "pay_model": PayModel,
    "work_mode": WorkMode,
    "schedule": Schedule,
    "channels": Channel,
    "duties": Duty,
}


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", str(text).strip().lower())


@cache
def _lookup(field: str) -> dict[str, str]:
    choices = VOCABULARIES[field]
    table: dict[str, str] = {}
    aliases = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))[field]
    for code, words in aliases.items():
        for word in words:
            table[_key(word)] = code
    for language in ("en", "id"):  # Indonesian last: its labels win a clash
        with translation.override(language):
            for code, label in choices.choices:
                label = str(label)
                for part in [label, *re.split(r"[/()]", label)]:
                    if _key(part):
                        table[_key(part)] = code
    for code in choices.values:
        table[_key(code)] = code
        table[code] = code
    return table


def code_for(field: str, text: str) -> str | None:
    """The code of `field`'s vocabulary that `text` names, or None."""
    return _lookup(field).get(_key(text))


def known_words(field: str) -> list[str]:
    """Indonesian labels to suggest in an error message."""
    with translation.override("id"):
        return [str(label).lower() for _code, label in VOCABULARIES[field].choices]
