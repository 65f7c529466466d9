"""The API's anonymous throttle: DRF's, keyed on `jobboard.client_ip` and with its rate read
from settings per request (DRF's own class freezes the rates when it is imported)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from .client_ip import client_ip


class ClientAnonRateThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)

    def get_ident(self, request) -> str:
        return client_ip(request)
