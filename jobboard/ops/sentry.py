"""Error reports to Sentry (or any service speaking its ingestion protocol), without personal
data: no e-mail addresses, WhatsApp or phone numbers, KTP numbers or uploaded documents ever
leave the board in an event.

Three layers: the SDK collects no user identity, cookies or request bodies; it filters
values by key name (passwords, tokens, phone, email, KTP, documents) in local variables,
query strings and headers; `scrub_event` then rewrites every remaining string, so numbers
or addresses inside exception messages, local variables, breadcrumbs or URLs are masked too.
"""

import re
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

FILTERED = "[Filtered]"

# Keys (partial, case-insensitive: "whatsapp" also catches "whatsapp_number") whose values
# never leave the board: in local variables, query strings and headers. The SDK adds its own
# (password, token, secret, session, csrf…).
PERSONAL_TERMS = [
    "email",
    "whatsapp",
    "phone",
    "telepon",
    "no_hp",
    "nomor_hp",
    "ktp",
    "nik",
    "id_number",
    "document",
    "portfolio",
    "upload",
    "alamat",
    "address",
    "login",
    "username",
]
# Proxy headers that carry the visitor's IP address.
_ADDRESS_HEADERS = ["forwarded", "-ip", "remote-", "via", "-user"]

_PATTERNS = [
    # e-mail addresses
    re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    # Indonesian mobile numbers as people write them: 08…, 628…, +62 8…, with spaces, dots or
    # dashes between groups; also inside wa.me links.
    re.compile(r"(?<![\w])(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)"),
    # 16-digit KTP numbers (NIK), possibly grouped with spaces, dots or dashes
    re.compile(r"(?<!\d)\d(?:[\s.-]?\d){15}(?!\d)"),
]


def scrub_text(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(FILTERED, text)
    return text


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """before_send / before_send_transaction: mask personal data in every string."""
    return _scrub(event)


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return _scrub(crumb)


def sentry_init(*, dsn: str, environment: str, traces_sample_rate: float = 0.0) -> None:
    """Start the SDK for web and workers (called from settings when SENTRY_DSN is set)."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration(), LoggingIntegration()],
        # No user identity (beyond the id we tag), no cookies and no request bodies at all:
        # forms carry WhatsApp numbers, uploads carry KTP scans.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_bodies": [],
            "http_headers": {"request": {"mode": "denylist", "terms": PERSONAL_TERMS + _ADDRESS_HEADERS}},
            "url_query_params": {"mode": "denylist", "terms": PERSONAL_TERMS},
            "stack_frame_variables": {"mode": "denylist", "terms": PERSONAL_TERMS},
        },
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        traces_sample_rate=traces_sample_rate,
    )
