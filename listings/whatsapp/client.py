"""A small client for the WhatsApp Business Cloud API: template messages only.

Requests: `POST {base}/{version}/{phone_number_id}/messages` with `Authorization: Bearer
<token>` and a JSON body `{"messaging_product": "whatsapp", "to": …, "type": "template",
"template": {"name", "language": {"code"}, "components": […]}}`. Success answers
`{"messages": [{"id": "wamid…"}]}`; failures answer `{"error": {"code", "message", …}}`.
Throttling (HTTP 429, code 130429 and the other rate-limit codes) and server errors are
worth retrying later; anything else (bad token, unknown template, number not on WhatsApp)
will fail the same way again.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

# Codes Meta documents as temporary: throughput, pair and spam rate limits, account call
# limits, "service temporarily unavailable", unknown/internal errors.
RETRYABLE_CODES = frozenset({1, 2, 4, 17, 341, 80007, 130429, 131000, 131048, 131056, 133004})
# Template parameters may not contain newlines, tabs or more than four spaces in a row.
_WHITESPACE = re.compile(r"\s+")
PARAMETER_MAX = 300


class WhatsAppError(Exception):
    """The API refused or could not be reached. `retryable`: trying again later may work."""

    def __init__(self, message: str, *, status: int | None = None, code: int | None = None, retryable: bool):
        super().__init__(message)
        self.status = status
        self.code = code
        self.retryable = retryable


@dataclass(frozen=True)
class Config:
    base: str
    version: str
    phone_number_id: str
    token: str
    language: str
    timeout: float

    @property
    def messages_url(self) -> str:
        return f"{self.base.rstrip('/')}/{self.version}/{self.phone_number_id}/messages"


def config() -> Config | None:
    """The API settings, or None when WhatsApp is not configured (the channel is then off)."""
    phone_number_id = getattr(settings, "WHATSAPP_PHONE_NUMBER_ID", "")
    token = getattr(settings, "WHATSAPP_ACCESS_TOKEN", "")
    if not phone_number_id or not token:
        return None
    return Config(
        base=settings.WHATSAPP_API_BASE,
        version=settings.WHATSAPP_API_VERSION,
        phone_number_id=phone_number_id,
        token=token,
        language=settings.WHATSAPP_TEMPLATE_LANGUAGE,
        timeout=float(settings.WHATSAPP_TIMEOUT_SECONDS),
    )


def enabled() -> bool:
    return config() is not None


def template_name(kind: str) -> str:
    """`match`, `application`, `shortlist` or `verify` -> the approved template's name."""
    return getattr(settings, f"WHATSAPP_TEMPLATE_{kind.upper()}")


def clean_parameter(value) -> str:
    text = _WHITESPACE.sub(" ", str(value)).strip()
    if len(text) > PARAMETER_MAX:
        text = text[: PARAMETER_MAX - 1] + "…"
    return text or "-"


def recipient(phone: str) -> str:
    """Cloud API numbers are digits with the country code, no "+" ("6281234567890")."""
    return re.sub(r"\D", "", phone or "")


def message_body(*, to: str, template: str, language: str, parameters: list, code_button: str = "") -> dict:
    components: list[dict] = [
        {"type": "body", "parameters": [{"type": "text", "text": clean_parameter(p)} for p in parameters]}
    ]
    if code_button:
        # Authentication templates carry the code again in their copy-code button.
        components.append(
            {
                "type": "button",
                "sub_type": "url",
                "index": "0",
                "parameters": [{"type": "text", "text": code_button}],
            }
        )
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": recipient(to),
        "type": "template",
        "template": {"name": template, "language": {"code": language}, "components": components},
    }


def send_template(*, to: str, kind: str, parameters: list, code_button: str = "") -> str:
    """Send one template message; returns WhatsApp's message id (`wamid…`)."""
    cfg = config()
    if cfg is None:
        raise WhatsAppError("WhatsApp is not configured", retryable=False)
    if not cfg.messages_url.startswith(("https://", "http://")):
        raise WhatsAppError("WHATSAPP_API_BASE must be an http(s) URL", retryable=False)
    body = message_body(
        to=to,
        template=template_name(kind),
        language=cfg.language,
        parameters=parameters,
        code_button=code_button,
    )
    request = urllib.request.Request(  # noqa: S310  (scheme checked above)
        cfg.messages_url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {cfg.token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=cfg.timeout) as response:  # noqa: S310
            payload = _json(response.read())
    except urllib.error.HTTPError as error:
        raise _api_error(error.code, _json(error.read())) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        raise WhatsAppError(f"WhatsApp API unreachable: {error}", retryable=True) from None
    try:
        return str(payload["messages"][0]["id"])
    except (KeyError, IndexError, TypeError):
        raise WhatsAppError(f"unexpected answer: {str(payload)[:200]}", retryable=True) from None


def _json(raw: bytes):
    try:
        return json.loads(raw or b"{}")
    except ValueError:
        return {}


def _api_error(status: int, payload) -> WhatsAppError:
    error = payload.get("error", {}) if isinstance(payload, dict) else {}
    code = error.get("code") if isinstance(error.get("code"), int) else None
    details = (
        (error.get("error_data") or {}).get("details", "")
        if isinstance(error.get("error_data"), dict)
        else ""
    )
    message = f"HTTP {status}, code {code}: {error.get('message', '')} {details}".strip()
    retryable = status == 429 or status >= 500 or code in RETRYABLE_CODES
    return WhatsAppError(message, status=status, code=code, retryable=retryable)
