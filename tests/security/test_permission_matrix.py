"""Who may do what: every URL in the `listings` and `accounts` URLconfs × role × object owner.

The table below is the expectation; the URL resolver is the truth. A view added without a row
here (for GET and for POST) fails `test_every_view_is_in_the_matrix`, so no view's permission
is left to chance. Objects belong to "owner" (an employer) and, for worker-owned objects, to
"worker"; "other_employer" / "other_worker" are the same roles without ownership.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from listings.models import Report
from listings.reviews.services import review_submit
from listings.verification.services import verification_request_submit
from tests import factories

ROLES = ("anonymous", "worker", "other_worker", "owner", "other_employer", "moderator")
LOGIN = "login"  # a redirect to the login page
NAMESPACES = ("listings", "accounts")


@dataclass
class World:
    users: dict
    published: object
    pending: object
    draft: object
    report: object
    application: object
    alert: object


def _world() -> World:
    owner = factories.EmployerFactory()
    users = {
        "anonymous": None,
        "worker": factories.WorkerFactory(),
        "other_worker": factories.WorkerFactory(),
        "owner": owner,
        "other_employer": factories.EmployerFactory(),
        "moderator": factories.ModeratorFactory(),
    }
    published = factories.PublishedGigFactory(employer=owner)
    report = Report.objects.create(gig=published, reporter=users["other_worker"], reason="other")
    return World(
        users=users,
        published=published,
        pending=factories.PendingGigFactory(employer=owner),
        draft=factories.DraftGigFactory(employer=owner),
        report=report,
        application=factories.ApplicationFactory(gig=published, worker=users["worker"]),
        alert=factories.AlertFactory(worker=users["worker"]),
    )


def gig(attr):
    return lambda w: {"pk": getattr(w, attr).pk, "slug": getattr(w, attr).slug}


def pk_of(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


def no_args(w):
    return {}


ALL_200 = (200,) * 6
SIGNED_IN_200 = (LOGIN, 200, 200, 200, 200, 200)
APPLICANT_AND_OWNER = (LOGIN, 200, 404, 200, 404, 404)
WORKERS_ONLY = (LOGIN, 200, 200, 404, 404, 404)
ALERT_OWNER = (LOGIN, 302, 404, 404, 404, 404)
# POST-only worker pages: other roles get the wrong-role 404 before the method is looked at.
WORKER_POST_ONLY = (LOGIN, 405, 405, 404, 404, 404)
ALERT = {"query": "q=cs+wfh&work_mode=remote", "name": "CS WFH", "frequency": "daily"}


def unsubscribe_token(w):
    from listings.alerts.unsubscribe import unsubscribe_token

    return {"token": unsubscribe_token(alert=w.alert)}


def hired_application(w):
    """The world's application, moved on to `hired` (reviews open)."""
    w.application.status = "hired"
    w.application.save(update_fields=["status"])
    return {"pk": w.application.pk}


def review_of_owner(w):
    hired_application(w)
    return {"pk": review_submit(application=w.application, by=w.users["worker"], rating=4).pk}


def verification_of_owner(w):
    owner = w.users["owner"]
    ktp = SimpleUploadedFile("ktp.jpg", b"\xff\xd8\xff\xe0" + b"0" * 64, content_type="image/jpeg")
    request = verification_request_submit(
        profile=owner.employer_profile, by=owner, nib="9120001234567", ktp=ktp
    )
    return {"pk": request.pk}


ALL_LOGIN_405 = (LOGIN, 405, 405, 405, 405, 405)
STAFF_ONLY = (LOGIN, 404, 404, 404, 404, 200)
REPORT = {"reason": "other", "details": "Minta transfer biaya pendaftaran."}

# (url name, target, method, POST data, expected per role in ROLES order, url kwargs extra)
MATRIX = [
    ("listings:home", no_args, "GET", None, ALL_200),
    ("listings:home", no_args, "POST", {}, ALL_200),
    ("listings:gig_list", no_args, "GET", None, ALL_200),
    ("listings:gig_list", no_args, "POST", {}, ALL_200),
    ("listings:gig_feed", no_args, "GET", None, ALL_200),
    ("listings:gig_feed", no_args, "POST", {}, ALL_200),
    ("listings:gig_feed_atom", no_args, "GET", None, ALL_200),
    ("listings:gig_feed_atom", no_args, "POST", {}, ALL_200),
    ("listings:gig_detail", gig("published"), "GET", None, ALL_200),
    ("listings:gig_detail", gig("pending"), "GET", None, (404, 404, 404, 200, 404, 200)),
    ("listings:gig_detail", gig("draft"), "GET", None, (404, 404, 404, 200, 404, 200)),
    ("listings:gig_detail", gig("published"), "POST", {}, ALL_200),
    ("listings:gig_report", gig("published"), "GET", None, (LOGIN, 200, 200, 200, 200, 200)),
    ("listings:gig_report", gig("pending"), "GET", None, (LOGIN, 404, 404, 404, 404, 404)),
    ("listings:gig_report", gig("published"), "POST", REPORT, (LOGIN, 302, 302, 302, 302, 302)),
    ("listings:my_gigs", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:my_gigs", no_args, "POST", {}, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:gig_create", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:gig_create", no_args, "POST", {"title": "x"}, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:gig_edit", pk_of("draft"), "GET", None, (LOGIN, 404, 404, 200, 404, 404)),
    ("listings:gig_edit", pk_of("published"), "POST", {"title": ""}, (LOGIN, 404, 404, 200, 404, 404)),
    ("listings:gig_action", pk_of("draft"), "GET", None, ALL_LOGIN_405, {"action": "submit"}),
    (
        "listings:gig_action",
        pk_of("draft"),
        "POST",
        {},
        (LOGIN, 404, 404, 302, 404, 404),
        {"action": "submit"},
    ),
    (
        "listings:gig_action",
        pk_of("published"),
        "POST",
        {"confirm": "1"},
        (LOGIN, 404, 404, 302, 404, 404),
        {"action": "close"},
    ),
    ("listings:gig_action", pk_of("draft"), "POST", {}, (LOGIN, 404, 404, 404, 404, 404), {"action": "hack"}),
    ("listings:moderation_queue", no_args, "GET", None, STAFF_ONLY),
    ("listings:moderation_queue", no_args, "POST", {}, STAFF_ONLY),
    ("listings:moderation_review", pk_of("pending"), "GET", None, STAFF_ONLY),
    ("listings:moderation_review", pk_of("pending"), "POST", {}, STAFF_ONLY),
    (
        "listings:moderation_decide",
        pk_of("pending"),
        "GET",
        None,
        (LOGIN, 404, 404, 404, 404, 405),
        {"decision": "approve"},
    ),
    (
        "listings:moderation_decide",
        pk_of("pending"),
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 302),
        {"decision": "approve"},
    ),
    (
        "listings:moderation_decide",
        pk_of("pending"),
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 404),
        {"decision": "delete"},
    ),
    (
        "listings:employer_trust",
        lambda w: {"pk": w.users["owner"].pk},
        "GET",
        None,
        (LOGIN, 404, 404, 404, 404, 405),
        {"action": "verify"},
    ),
    (
        "listings:employer_trust",
        lambda w: {"pk": w.users["owner"].pk},
        "POST",
        {"note": "cek"},
        (LOGIN, 404, 404, 404, 404, 302),
        {"action": "verify"},
    ),
    (
        "listings:employer_trust",
        lambda w: {"pk": w.users["owner"].pk},
        "POST",
        {"note": "spam"},
        (LOGIN, 404, 404, 404, 404, 302),
        {"action": "ban"},
    ),
    (
        "listings:employer_trust",
        lambda w: {"pk": w.users["worker"].pk},
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 404),
        {"action": "ban"},
    ),
    (
        "listings:employer_trust",
        lambda w: {"pk": w.users["owner"].pk},
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 404),
        {"action": "delete"},
    ),
    ("listings:report_queue", no_args, "GET", None, STAFF_ONLY),
    ("listings:report_queue", no_args, "POST", {}, STAFF_ONLY),
    ("listings:report_resolve", pk_of("report"), "GET", None, (LOGIN, 404, 404, 404, 404, 405)),
    (
        "listings:report_resolve",
        pk_of("report"),
        "POST",
        {"outcome": "dismissed"},
        (LOGIN, 404, 404, 404, 404, 302),
    ),
    # Applications: "worker" applied to "owner"'s published gig.
    ("listings:apply", gig("published"), "GET", None, (LOGIN, 302, 200, 404, 404, 404)),
    ("listings:apply", gig("pending"), "GET", None, (LOGIN, 404, 404, 404, 404, 404)),
    ("listings:apply", gig("published"), "POST", {"message": "Halo"}, (LOGIN, 302, 302, 404, 404, 404)),
    ("listings:my_applications", no_args, "GET", None, SIGNED_IN_200),
    ("listings:my_applications", no_args, "POST", {}, SIGNED_IN_200),
    ("listings:application_detail", pk_of("application"), "GET", None, APPLICANT_AND_OWNER),
    ("listings:application_detail", pk_of("application"), "POST", {}, APPLICANT_AND_OWNER),
    (
        "listings:application_action",
        pk_of("application"),
        "GET",
        None,
        ALL_LOGIN_405,
        {"action": "shortlist"},
    ),
    (
        "listings:application_action",
        pk_of("application"),
        "POST",
        {},
        (LOGIN, 404, 404, 302, 404, 404),
        {"action": "shortlist"},
    ),
    (
        "listings:application_action",
        pk_of("application"),
        "POST",
        {"confirm": "1"},
        (LOGIN, 302, 404, 404, 404, 404),
        {"action": "withdraw"},
    ),
    (
        "listings:application_action",
        pk_of("application"),
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 404),
        {"action": "hack"},
    ),
    ("listings:application_note", pk_of("application"), "GET", None, ALL_LOGIN_405),
    (
        "listings:application_note",
        pk_of("application"),
        "POST",
        {"employer_note": "ok"},
        (LOGIN, 404, 404, 302, 404, 404),
    ),
    ("listings:gig_applicants", pk_of("published"), "GET", None, (LOGIN, 404, 404, 200, 404, 404)),
    ("listings:gig_applicants", pk_of("published"), "POST", {}, (LOGIN, 404, 404, 200, 404, 404)),
    ("listings:gig_applicants_decline", pk_of("published"), "GET", None, ALL_LOGIN_405),
    ("listings:gig_applicants_decline", pk_of("published"), "POST", {}, (LOGIN, 404, 404, 302, 404, 404)),
    ("listings:inbox", no_args, "GET", None, SIGNED_IN_200),
    ("listings:inbox", no_args, "POST", {}, SIGNED_IN_200),
    ("accounts:worker_profile", no_args, "GET", None, (LOGIN, 200, 200, 404, 404, 404)),
    ("accounts:worker_profile", no_args, "POST", {}, (LOGIN, 200, 200, 404, 404, 404)),
    ("accounts:worker_public", lambda w: {"pk": w.users["worker"].worker_profile.pk}, "GET", None, ALL_200),
    ("accounts:worker_public", lambda w: {"pk": w.users["worker"].worker_profile.pk}, "POST", {}, ALL_200),
    ("accounts:worker_data_export", no_args, "GET", None, WORKERS_ONLY),
    ("accounts:worker_data_export", no_args, "POST", {}, WORKERS_ONLY),
    ("accounts:worker_account_delete", no_args, "GET", None, WORKERS_ONLY),
    ("accounts:worker_account_delete", no_args, "POST", {}, WORKERS_ONLY),
    # The worker's own portfolio PDF; nobody has one in this world (with a file: test_input_hardening).
    ("accounts:worker_portfolio", no_args, "GET", None, (LOGIN, *(404,) * 5)),
    ("accounts:worker_portfolio", no_args, "POST", {}, (LOGIN, 405, 405, 404, 404, 404)),
    # Emailed sign-in links: open to anyone (the token is the permission); a bad token is a 400.
    ("accounts:login_link_request", no_args, "GET", None, (405,) * 6),
    ("accounts:login_link_request", no_args, "POST", {}, (400,) * 6),
    ("accounts:login_link", lambda w: {"token": "bukan-token"}, "GET", None, ALL_200),
    ("accounts:login_link", lambda w: {"token": "bukan-token"}, "POST", {}, (400,) * 6),
    # Job alerts: "worker" owns the alert; employers and moderators have no alerts (403).
    ("listings:alert_list", no_args, "GET", None, (LOGIN, 200, 200, 404, 404, 404)),
    ("listings:alert_list", no_args, "POST", {}, (LOGIN, 200, 200, 404, 404, 404)),
    ("listings:alert_create", no_args, "GET", None, (405,) * 6),
    ("listings:alert_create", no_args, "POST", ALERT, (LOGIN, 302, 302, 404, 404, 404)),
    ("listings:alert_resume", no_args, "GET", None, (LOGIN, 302, 302, 302, 302, 302)),
    ("listings:alert_resume", no_args, "POST", {}, (LOGIN, 302, 302, 302, 302, 302)),
    ("listings:alert_update", pk_of("alert"), "GET", None, WORKER_POST_ONLY),
    ("listings:alert_update", pk_of("alert"), "POST", {}, ALERT_OWNER),
    ("listings:alert_pause", pk_of("alert"), "GET", None, WORKER_POST_ONLY),
    ("listings:alert_pause", pk_of("alert"), "POST", {"paused": "1"}, ALERT_OWNER),
    ("listings:alert_delete", pk_of("alert"), "GET", None, WORKER_POST_ONLY),
    ("listings:alert_delete", pk_of("alert"), "POST", {}, ALERT_OWNER),
    ("listings:alert_profile", no_args, "GET", None, WORKER_POST_ONLY),
    ("listings:alert_profile", no_args, "POST", {}, (LOGIN, 302, 302, 404, 404, 404)),
    # One-click unsubscribe: the signed token is the proof, whoever follows the link.
    ("listings:alert_unsubscribe", unsubscribe_token, "GET", None, ALL_200),
    ("listings:alert_unsubscribe", unsubscribe_token, "POST", {}, ALL_200),
    ("listings:alert_unsubscribe", lambda w: {"token": "palsu"}, "POST", {}, (400,) * 6),
    ("accounts:dashboard", no_args, "GET", None, (LOGIN, 302, 302, 302, 302, 302)),
    ("accounts:dashboard", no_args, "POST", {}, (LOGIN, 302, 302, 302, 302, 302)),
    ("accounts:employer_profile", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("accounts:employer_profile", no_args, "POST", {}, (LOGIN, 404, 404, 200, 200, 404)),
    (
        "accounts:employer_public",
        lambda w: {"pk": w.users["owner"].employer_profile.pk},
        "GET",
        None,
        ALL_200,
    ),
    ("accounts:employer_public", lambda w: {"pk": w.users["owner"].employer_profile.pk}, "POST", {}, ALL_200),
    # No logo / portfolio uploaded in this world: nothing to serve (access rules with files:
    # tests/accounts/test_media.py).
    (
        "accounts:employer_logo",
        lambda w: {"pk": w.users["owner"].employer_profile.pk},
        "GET",
        None,
        (404,) * 6,
    ),
    (
        "accounts:employer_logo",
        lambda w: {"pk": w.users["owner"].employer_profile.pk},
        "POST",
        {},
        (405,) * 6,
    ),
    # Reviews: "worker" was hired by "owner"; only the two of them may write.
    ("listings:review_write", hired_application, "GET", None, (LOGIN, 200, 404, 200, 404, 404)),
    ("listings:review_write", pk_of("application"), "GET", None, (LOGIN, 302, 404, 302, 404, 404)),
    ("listings:review_write", hired_application, "POST", {"rating": "5"}, (LOGIN, 302, 404, 302, 404, 404)),
    ("listings:review_queue", no_args, "GET", None, STAFF_ONLY),
    ("listings:review_queue", no_args, "POST", {}, STAFF_ONLY),
    (
        "listings:review_moderate",
        review_of_owner,
        "GET",
        None,
        (LOGIN, 404, 404, 404, 404, 405),
        {"action": "hide"},
    ),
    (
        "listings:review_moderate",
        review_of_owner,
        "POST",
        {"reason": "Data pribadi"},
        (LOGIN, 404, 404, 404, 404, 302),
        {"action": "hide"},
    ),
    (
        "listings:review_moderate",
        review_of_owner,
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 404),
        {"action": "delete"},
    ),
    # Verification: employers ask for their own business; evidence is for moderators only.
    ("listings:verification_request", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:verification_request", no_args, "POST", {}, (LOGIN, 404, 404, 200, 200, 404)),
    ("listings:verification_queue", no_args, "GET", None, STAFF_ONLY),
    ("listings:verification_queue", no_args, "POST", {}, STAFF_ONLY),
    ("listings:verification_review", verification_of_owner, "GET", None, STAFF_ONLY),
    (
        "listings:verification_review",
        verification_of_owner,
        "POST",
        {"decision": "decline", "reason": "Link toko mati"},
        (LOGIN, 404, 404, 404, 404, 302),
    ),
    ("listings:verification_file", verification_of_owner, "GET", None, STAFF_ONLY, {"kind": "ktp"}),
    ("listings:verification_file", verification_of_owner, "GET", None, (LOGIN, *(404,) * 5), {"kind": "x"}),
    (
        "listings:verification_file",
        verification_of_owner,
        "POST",
        {},
        (LOGIN, 404, 404, 404, 404, 405),
        {"kind": "ktp"},
    ),
    # WhatsApp notification settings: workers only (WhatsApp is unconfigured in this world).
    ("listings:whatsapp_settings", no_args, "GET", None, WORKERS_ONLY),
    ("listings:whatsapp_settings", no_args, "POST", {"action": "stop"}, (LOGIN, 302, 302, 404, 404, 404)),
    ("listings:application_portfolio", pk_of("application"), "GET", None, (LOGIN, *(404,) * 5)),
    ("listings:application_portfolio", pk_of("application"), "POST", {}, (LOGIN, *(405,) * 5)),
    # Pay insights (public) and the owner's traffic dashboard (employers; "not an employer": 403).
    ("listings:pay_insights", no_args, "GET", None, ALL_200),
    ("listings:pay_insights", no_args, "POST", {}, ALL_200),
    ("listings:owner_insights", no_args, "GET", None, (LOGIN, 403, 403, 200, 200, 403)),
    ("listings:owner_insights", no_args, "POST", {}, (LOGIN, 403, 403, 200, 200, 403)),
    # Discovery: preview pictures of live gigs only; sitemap and robots for everyone, GET only.
    ("listings:gig_preview_image", gig("published"), "GET", None, ALL_200),
    ("listings:gig_preview_image", gig("pending"), "GET", None, (404,) * 6),
    ("listings:gig_preview_image", gig("published"), "POST", {}, (405,) * 6),
    ("listings:sitemap", no_args, "GET", None, ALL_200),
    ("listings:sitemap", no_args, "POST", {}, (405,) * 6),
    ("listings:sitemap_section", lambda w: {"section": "lowongan"}, "GET", None, ALL_200),
    ("listings:sitemap_section", lambda w: {"section": "lowongan"}, "POST", {}, (405,) * 6),
    ("listings:robots", no_args, "GET", None, ALL_200),
    ("listings:robots", no_args, "POST", {}, (405,) * 6),
    # Installable app: manifest, service worker, offline page (public, GET only).
    ("listings:manifest", no_args, "GET", None, ALL_200),
    ("listings:manifest", no_args, "POST", {}, (405,) * 6),
    ("listings:service_worker", no_args, "GET", None, ALL_200),
    ("listings:service_worker", no_args, "POST", {}, (405,) * 6),
    ("listings:offline", no_args, "GET", None, ALL_200),
    ("listings:offline", no_args, "POST", {}, (405,) * 6),
    # Employer privacy: only the employer themself (everyone else: 404, as for workers' data).
    ("accounts:employer_data_export", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("accounts:employer_data_export", no_args, "POST", {}, (LOGIN, 404, 404, 200, 200, 404)),
    ("accounts:employer_account_delete", no_args, "GET", None, (LOGIN, 404, 404, 200, 200, 404)),
    ("accounts:employer_account_delete", no_args, "POST", {}, (LOGIN, 404, 404, 200, 200, 404)),
    ("accounts:privacy", no_args, "GET", None, ALL_200),
    ("accounts:privacy", no_args, "POST", {}, ALL_200),
    ("accounts:terms", no_args, "GET", None, ALL_200),
    ("accounts:terms", no_args, "POST", {}, ALL_200),
]


def _url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace in NAMESPACES and pattern.name:
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_view_is_in_the_matrix():
    """Each named URL of `listings` and `accounts` has a GET and a POST row, and each row
    names a URL that exists."""
    rows = {(row[0], row[2]) for row in MATRIX}
    names = _url_names()
    missing = sorted(
        {f"{name} {method}" for name in names for method in ("GET", "POST")}
        - {f"{name} {method}" for name, method in rows}
    )
    assert not missing, f"views missing from the permission matrix: {missing}"
    assert {name for name, _ in rows} <= names, "matrix rows for URLs that no longer exist"


def _row_id(row) -> str:
    extra = row[5] if len(row) > 5 else {}
    return f"{row[0]}-{row[2]}-{'-'.join(map(str, extra.values()))}"


@pytest.mark.django_db
@pytest.mark.parametrize("row", MATRIX, ids=[_row_id(row) for row in MATRIX])
def test_permission_matrix(row, client_for):
    """Each role gets exactly the status in the table; "login" means a redirect to sign in.
    Every role acts on a fresh world so one role's action can't change another's answer."""
    name, target, method, data, expected, *extra = row
    mismatches = []
    for role, want in zip(ROLES, expected, strict=True):
        world = _world()
        url = reverse(name, kwargs={**target(world), **(extra[0] if extra else {})})
        client = client_for(world.users[role])
        response = client.get(url) if method == "GET" else client.post(url, data)
        if want == LOGIN:
            got = LOGIN if response.status_code == 302 and "/akun/login/" in response["Location"] else None
        else:
            got = response.status_code
            if got == 302 and "/akun/login/" in response["Location"]:
                got = LOGIN
        if got != want:
            mismatches.append(f"{role}: expected {want}, got {got or response.status_code}")
    assert not mismatches, f"{method} {name}: " + "; ".join(mismatches)
