"""A local stand-in for the WhatsApp Business Cloud API, speaking its wire format.

Only `POST /{version}/{phone-number-id}/messages` exists. Requests need `Authorization:
Bearer <token>` (else HTTP 401, OAuthException code 190) and a template message body (else
HTTP 400, code 100). Success answers like Meta does:
`{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id"}], "messages": [{"id": "wamid…"}]}`.
Tests script failures with `fail_next(status, code, message)`, e.g. HTTP 429 / code 130429.
"""

from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "v21.0"
PHONE_NUMBER_ID = "109876543210987"
TOKEN = "EAAGtest0token0for0the0fake0api"
RATE_LIMITED = (429, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.")
TEMPLATE_MISSING = (404, 132001, "(#132001) Template name does not exist in the translation", "")
NOT_ON_WHATSAPP = (
    400,
    131026,
    "(#131026) Message undeliverable",
    "Receiver is incapable of receiving this message",
)


def error_body(code: int, message: str, details: str = "", kind: str = "OAuthException") -> dict:
    error = {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEfGhIjKlMnOp"}
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return {"error": error}


class FakeCloudAPI:
    def __init__(self):
        self.requests: list[dict] = []
        self._script: list[tuple[int, dict]] = []
        self._lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                return

            def do_GET(self):
                self._answer(400, error_body(100, "Unsupported get request.", kind="GraphMethodException"))

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, body = api._handle(self.path, self.headers.get("Authorization", ""), raw)
                self._answer(status, body)

            def _answer(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeCloudAPI:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, status: int, code: int, message: str, details: str = "") -> None:
        with self._lock:
            self._script.append((status, error_body(code, message, details)))

    def templates(self) -> list[str]:
        return [r["body"]["template"]["name"] for r in self.requests if r.get("body")]

    def parameters(self, index: int = -1) -> list[str]:
        body = self.requests[index]["body"]
        return [p["text"] for p in body["template"]["components"][0]["parameters"]]

    def _handle(self, path: str, authorization: str, raw: bytes) -> tuple[int, dict]:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        with self._lock:
            self.requests.append({"path": path, "authorization": authorization, "body": body})
            if path != f"/{VERSION}/{PHONE_NUMBER_ID}/messages":
                return 400, error_body(100, "Unsupported post request.", kind="GraphMethodException")
            if authorization != f"Bearer {TOKEN}":
                return 401, error_body(190, "Invalid OAuth access token - Cannot parse access token")
            template = (body or {}).get("template") or {}
            if (
                not isinstance(body, dict)
                or body.get("messaging_product") != "whatsapp"
                or body.get("type") != "template"
                or not template.get("name")
                or not (template.get("language") or {}).get("code")
                or not str(body.get("to", "")).isdigit()
            ):
                return 400, error_body(100, "(#100) Invalid parameter")
            if self._script:
                return self._script.pop(0)
        return 200, {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": body["to"]}],
            "messages": [{"id": f"wamid.HBgN{uuid.uuid4().hex.upper()}", "message_status": "accepted"}],
        }
