from django.core.management.base import BaseCommand

from accounts import demo


class Command(BaseCommand):
    help = "Create realistic Indonesian demo data (idempotent)."

    def handle(self, *args, **options):
        result = demo.seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {result['gigs_created']} new gigs ({result['gigs_total']} in total)."
            )
        )
        self.stdout.write(
            f"Pay insights: {result['pay_insight_groups']} groups on /gaji/ "
            f"({result['market_gigs_created']} new market gigs)."
        )
        self.stdout.write(f"Logins (password '{demo.DEMO_PASSWORD}'):")
        self.stdout.write(f"  moderator: {demo.MODERATOR}")
        for employer in demo.EMPLOYERS:
            self.stdout.write(f"  employer:  {employer['email']} ({employer['business_name']})")
        for email, name, *_ in demo.WORKERS:
            self.stdout.write(f"  worker:    {email} ({name})")
