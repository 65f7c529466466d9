"""`python manage.py screen_gigs [--pending] [--ids 1 2 3]`: (re)run scam screening.

Use after editing listings/screening/signals.toml so the review queue shows current scores,
or after loading demo data. Pending gigs are held, queued or published as on submit.
"""

from django.core.management.base import BaseCommand

from listings.models import Gig
from listings.trust import services as safety
from listings.vocabulary import GigStatus


class Command(BaseCommand):
    help = "Screen gigs for scam signals and store the result (pending gigs by default)."

    def add_arguments(self, parser):
        parser.add_argument("--ids", nargs="*", type=int, help="Only these gig ids.")
        parser.add_argument("--all", action="store_true", help="Every gig, not only pending ones.")

    def handle(self, *args, ids=None, all=False, **options):
        gigs = Gig.objects.all() if all or ids else Gig.objects.filter(status=GigStatus.PENDING)
        if ids:
            gigs = gigs.filter(pk__in=ids)
        flagged = total = 0
        for gig in gigs.order_by("pk").iterator():
            record = safety.gig_screen(gig=gig)
            total += 1
            flagged += record.flagged
        self.stdout.write(f"screened {total} gig(s), flagged {flagged}")
