"""Celery tasks of pay insights (thin: they call the service)."""

from celery import shared_task

from .services import pay_insights_refresh


@shared_task
def refresh_pay_insights() -> int:
    """Beat (hourly): recompute `/gaji/` and the card notes from the current gigs."""
    return pay_insights_refresh()
