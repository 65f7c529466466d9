"""Bulk import of gigs (`manage.py import_gigs`): JSON Lines or CSV, one gig per line/row.

Every row goes through `services.gig_create` (the web form's validation via
`Gig.full_clean`); bad rows are reported with their line number and skipped. Re-importing
a file creates nothing new: each gig carries `import_key`, a hash of employer email, title
and description. Missing employer accounts are created without a usable password (the
owner uses "lupa kata sandi" to claim it) and with an EmployerProfile.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction

from accounts.models import EmployerProfile, User
from listings.codes import code_for, known_words
from listings.gigs import services
from listings.models import Gig
from listings.money import PAY_CEILING, MoneyError, format_rupiah, parse_rupiah
from listings.screening import gig_screening_flags
from listings.vocabulary import PayModel

REQUIRED = ("employer_name", "employer_email", "title", "description", "pay_model", "pay_min", "work_mode")
LIST_FIELDS = ("schedule", "channels", "duties")
MONEY_FIELDS = ("pay_min", "pay_max")
INT_FIELDS = ("hours_per_week",)
TEXT_FIELDS = (
    "title",
    "description",
    "pay_model",
    "work_mode",
    "city",
    "commission_description",
    "requirements",
)
# The sentence of a commission gig's description that states the rate ("untung Rp5.000 per pack").
_COMMISSION_SENTENCE = re.compile(
    r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*"  # a sentence; "Rp 5.000" does not end it
    r"(?:\b(?:komisi|commission|untung|keuntungan|bonus|fee|profit|insentif|bagi hasil|"
    r"per (?:pesanan|order|pack|penjualan|produk|transaksi|item|closing))\b|\d\s*(?:%|persen\b))"
    r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*",
    re.IGNORECASE,
)


class RowError(ValueError):
    """A row that cannot be imported; the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    published: int = 0
    held_for_review: int = 0
    skipped_existing: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def import_key_for(row: dict) -> str:
    """Stable identity of a row: the same gig in a re-imported file gets the same key."""
    parts = [str(row.get(name) or "").strip() for name in ("employer_email", "title", "description")]
    parts[0] = parts[0].lower()
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def read_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """Yield (line number, row dict) — or (line number, error text) for unreadable lines."""
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            line = reader.line_num + 1
            for row in reader:
                yield line, {k.strip(): v for k, v in row.items() if k}
                line = reader.line_num + 1
        return
    with path.open(encoding="utf-8-sig") as fh:
        for number, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                yield number, f"JSON tidak valid: {exc.msg}"
                continue
            yield number, row if isinstance(row, dict) else "Baris harus berupa objek JSON."


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig") as fh:
        lines = sum(1 for text in fh if text.strip())
    return lines - 1 if path.suffix.lower() == ".csv" else lines


def _as_list(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return [str(v).strip() for v in json.loads(text)]
        except json.JSONDecodeError as exc:
            raise RowError(f"daftar tidak valid: {text[:40]}") from exc
    return [part.strip() for part in re.split(r"[,;|]", text) if part.strip()]


def _as_int(name: str, value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError as exc:
        raise RowError(f"{name}: harus angka jam utuh, bukan “{str(value)[:20]}”") from exc


def _as_rupiah(name: str, value) -> int | None:
    """ "1.500.000", "1,5 jt", "75rb" as in the web form; "15000.50" is an error, not 1.500.050."""
    if isinstance(value, float):
        if not value.is_integer():
            raise RowError(f"{name}: rupiah tidak pakai sen, bukan “{value}”")
        value = int(value)
    try:
        amount = parse_rupiah(value)
    except MoneyError as exc:
        raise RowError(f"{name}: {exc} (tertulis “{str(value)[:20]}”)") from exc
    if amount is not None and amount > PAY_CEILING:
        raise RowError(f"{name}: harus ≤ {format_rupiah(PAY_CEILING)}")
    return amount


def _as_code(name: str, value: str) -> str:
    """A code from a code or a label ("harian", "Per jam", "WFH"); unknown values are errors."""
    code = code_for(name, value)
    if code is None:
        raise RowError(
            f"{name}: “{value[:30]}” tidak dikenal; pakai salah satu: {', '.join(known_words(name))}"
        )
    return code


def gig_data_from_row(row: dict) -> dict:
    """Form-equivalent data for `services.gig_create`; raises RowError on shape problems."""
    missing = [name for name in REQUIRED if row.get(name) in (None, "")]
    if missing:
        raise RowError("kolom wajib kosong: " + ", ".join(missing))
    data: dict = {
        name: str(row.get(name) or "").strip() for name in TEXT_FIELDS if name in row or name == "city"
    }
    for name in MONEY_FIELDS:
        data[name] = _as_rupiah(name, row.get(name))
    for name in INT_FIELDS:
        data[name] = _as_int(name, row.get(name))
    for name in ("pay_model", "work_mode"):
        data[name] = _as_code(name, data[name])
    for name in LIST_FIELDS:
        data[name] = [_as_code(name, value) for value in _as_list(row.get(name))]
    if data["pay_model"] == PayModel.COMMISSION and not data.get("commission_description"):
        # The contract's columns have no commission details: take the owner's own sentence.
        found = _COMMISSION_SENTENCE.search(data["description"])
        if found:
            data["commission_description"] = found.group(0).strip()[:200]
    return data


def employer_for(row: dict) -> User:
    """The employer account for the row's email, created (no usable password) if missing."""
    email = str(row["employer_email"]).strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise RowError(f"employer_email tidak valid: {email[:60]}") from exc
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, role=User.Role.EMPLOYER)
    if not user.is_employer:
        raise RowError(f"{email} terdaftar sebagai akun non-pemilik usaha")
    if not hasattr(user, "employer_profile"):
        EmployerProfile.objects.create(
            user=user,
            business_name=str(row["employer_name"]).strip()[:120],
            city=str(row.get("city") or "").strip()[:80],
        )
    return user


def screening_flags(gig: Gig) -> list[str]:
    """The one place the importer asks trust & safety about a gig before publishing it:
    the reasons it must stay in the review queue (empty: publish)."""
    return list(gig_screening_flags(gig))


def import_row(row: dict, *, publish: bool, report: ImportReport) -> None:
    """Import one row inside its own transaction; raises RowError / ValidationError."""
    key = import_key_for(row)
    if Gig.objects.filter(import_key=key).exists():
        report.skipped_existing += 1
        return
    data = gig_data_from_row(row)
    with transaction.atomic():
        employer = employer_for(row)
        gig = services.gig_create(employer=employer, data={**data, "import_key": key})
        report.created += 1
        if not publish:
            return
        services.gig_submit(gig=gig, by=employer)
        flags = screening_flags(gig)
        if flags:
            report.held_for_review += 1
            return
        services.gig_publish_automatically(gig=gig, reason="import_gigs --publish")
        report.published += 1


def describe_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def import_file(path: Path, *, publish: bool = False, progress=None) -> ImportReport:
    """Import every row of `path`; bad rows land in `report.errors` as (line, reason)."""
    report = ImportReport()
    for line, row in read_rows(path):
        if progress is not None:
            progress.update(1)
        if isinstance(row, str):
            report.errors.append((line, row))
            continue
        try:
            import_row(row, publish=publish, report=report)
        except (RowError, ValidationError, PermissionDenied) as exc:
            report.errors.append((line, describe_error(exc)))
    return report
