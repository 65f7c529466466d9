"""Celery tasks of employer insights (thin: they call the service)."""

from celery import shared_task

from .services import gig_traffic_flush


@shared_task
def flush_gig_traffic() -> int:
    """Beat (every 5 minutes): write counted impressions and views to the database."""
    return gig_traffic_flush()
