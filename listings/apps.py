from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = _("Lowongan")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import lookups  # noqa: F401  (registers JSON list lookups)
        from .alerts import tasks as alerts_tasks  # noqa: F401  (registers the Celery tasks)
        from .gigs import tasks as gigs_tasks  # noqa: F401
        from .insights import tasks as insights_tasks  # noqa: F401
        from .messaging import tasks as messaging_tasks  # noqa: F401
        from .outbox import tasks as outbox_tasks  # noqa: F401
        from .search import tasks as search_tasks  # noqa: F401
        from .search.sync import on_post_migrate
        from .traffic import tasks as traffic_tasks  # noqa: F401
        from .trust import tasks as trust_tasks  # noqa: F401
        from .whatsapp import tasks as whatsapp_tasks  # noqa: F401

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="listings_sync_search_concepts")
