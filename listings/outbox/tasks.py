"""The outbox's beat safety net (see listings.workflow)."""

from celery import shared_task

from listings.workflow import outbox_redrive


@shared_task
def redrive_outbox() -> int:
    """Beat: send follow-up tasks a broker outage left in the outbox."""
    return outbox_redrive()
