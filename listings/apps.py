from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = _("Lowongan")

    def ready(self) -> None:
        from . import lookups  # noqa: F401  (registers JSON list lookups)
