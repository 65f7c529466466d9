"""Gig tasks: thin wrappers that take ids and call `listings.gigs.services`."""

from celery import shared_task

from listings.gigs import services


@shared_task
def expire_gigs() -> int:
    """Beat: expire published gigs past their expiry date."""
    return services.expire_due_gigs()
