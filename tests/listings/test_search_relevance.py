"""Relevance regression: each shared query set through the API, reporting recall@10 and MRR.

Imports `<repo>/../shared/data/search_gigs*.jsonl` with `import_gigs --publish` and runs every
case of the matching `search_cases*.jsonl` through `GET /api/v1/gigs/`. recall@10 = share of
a case's relevant gigs in its first 10 results (divided by min(10, relevant), as a page holds
10); MRR = mean reciprocal rank of the first relevant result.

The two sets were written by different hands; the dictionary and the rules must carry over
from one to the other (neither set's queries appear in code or data). A third, small set of
our own (`tests/listings/data/search_styles_*.jsonl`) is written in the other styles people
use: English posts, casual group reposts, typos, short city forms, pay typed into queries.
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
OWN_DATA = Path(__file__).resolve().parent / "data"
RECALL_FLOOR = 0.95
MRR_FLOOR = 0.9
SETS = {
    "set1": (DATA / "search_gigs.jsonl", DATA / "search_cases.jsonl"),
    "set2": (DATA / "search_gigs_2.jsonl", DATA / "search_cases_2.jsonl"),
    "styles": (OWN_DATA / "search_styles_gigs.jsonl", OWN_DATA / "search_styles_cases.jsonl"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(SETS))
def test_shared_queries_find_their_gigs(client, capsys, name):
    """Every shared case finds its relevant gigs in the first page, best first."""
    gigs, cases = SETS[name]
    if not gigs.exists() or not cases.exists():
        pytest.skip(f"search data not found in {gigs.parent.resolve()}")
    call_command("import_gigs", str(gigs), "--publish", "--no-progress", stdout=None)
    recalls, plain_recalls, reciprocal_ranks, misses = [], [], [], []
    for line in cases.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        params = {"q": case["query"], **case.get("filters", {})}
        response = client.get("/api/v1/gigs/", params)
        assert response.status_code == 200, response.content
        top = [r["title"] for r in response.json()["results"][:10]]
        relevant = set(case["relevant"])
        recalls.append(len(relevant & set(top)) / min(10, len(relevant)))
        plain_recalls.append(len(relevant & set(top)) / len(relevant))
        reciprocal_ranks.append(next((1 / rank for rank, t in enumerate(top, 1) if t in relevant), 0.0))
        if recalls[-1] < 1 or reciprocal_ranks[-1] < 1:
            misses.append(
                f"{case['query']!r} {case.get('filters', {})}: recall {recalls[-1]:.2f}"
                f" rr {reciprocal_ranks[-1]:.2f} missing {sorted(relevant - set(top))}"
            )
    recall, mrr = sum(recalls) / len(recalls), sum(reciprocal_ranks) / len(reciprocal_ranks)
    with capsys.disabled():
        plain = sum(plain_recalls) / len(plain_recalls)
        print(f"\nsearch relevance {name}: cases={len(recalls)} recall@10={recall:.3f} MRR={mrr:.3f}")
        print(f"  (recall@10 over all relevant gigs, uncapped: {plain:.3f})")
        for miss in misses:
            print("  below full:", miss)
    assert recall >= RECALL_FLOOR
    assert mrr >= MRR_FLOOR
