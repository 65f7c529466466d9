"""WhatsApp tasks: thin wrappers over `listings.whatsapp.services`."""

from celery import shared_task

from listings.alerts.tasks import RELIABLE
from listings.whatsapp import services


@shared_task(max_retries=6, **RELIABLE)
def send_whatsapp_message(message_id: int) -> str:
    """One application update on WhatsApp (ledger row); busy or unreachable API: retried."""
    return services.message_deliver(message_id=message_id)
