"""Trust & safety tasks: thin wrappers that take ids and call `listings.trust.services`."""

from celery import shared_task

from listings.models import Gig
from listings.trust import services


@shared_task
def screen_gig(gig_id: int) -> None:
    """Screen a submitted, edited or renewed gig for scam signals."""
    gig = Gig.objects.filter(pk=gig_id).first()
    if gig is not None:
        services.gig_screen(gig=gig)
