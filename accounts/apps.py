from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from jobboard import checks  # noqa: F401 (registers the project's deploy checks)


def sync_site_with_settings(sender, using="default", **kwargs) -> None:
    """Keep the Sites row (used by allauth emails and feeds) in step with SITE_URL."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "Loker CS"}
    )


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Akun")

    def ready(self) -> None:
        post_migrate.connect(sync_site_with_settings, sender=self)
