"""`python manage.py import_gigs FILE [--publish]`: see listings/importing.py and DESIGN.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from listings.imports.services import count_rows, import_file


class Command(BaseCommand):
    help = "Import gigs from a JSON Lines (.jsonl) or CSV (.csv) file, one gig per line/row."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish rows that pass automatic screening; flagged rows wait in the review queue.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, file: Path, publish: bool, no_progress: bool, **options):
        if not file.is_file():
            raise CommandError(f"File not found: {file}")
        with tqdm(total=count_rows(file), unit="row", disable=no_progress or None, leave=False) as bar:
            report = import_file(file, publish=publish, progress=bar)
        for line, reason in report.errors:
            self.stderr.write(f"line {line}: {reason}")
        summary = (
            f"created {report.created}, published {report.published}, "
            f"held for review {report.held_for_review}, already imported {report.skipped_existing}, "
            f"bad rows {len(report.errors)}"
        )
        self.stdout.write(self.style.SUCCESS(summary) if not report.errors else self.style.WARNING(summary))
