import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection

from listings.applications import services as svc
from listings.applications.services import TRANSITIONS, ApplicationError
from listings.models import Application, ApplicationEvent, InboxItem
from listings.vocabulary import ApplicationStatus
from tests import factories

ALL_STATUSES = [s.value for s in ApplicationStatus]

SERVICE = {
    "view": svc.application_view,
    "shortlist": svc.application_shortlist,
    "offer_trial": lambda application, by: svc.application_offer_trial(
        application=application, by=by, days=3, pay=50_000, pay_basis="per_day"
    ),
    "accept_trial": svc.application_accept_trial,
    "decline_trial": svc.application_decline_trial,
    "hire": svc.application_hire,
    "decline": svc.application_decline,
    "withdraw": svc.application_withdraw,
    "account_deleted": lambda application, by: svc._change(
        application=application, action="account_deleted", by=by
    ),
    "employer_deleted": lambda application, by: svc._change(
        application=application, action="employer_deleted", by=by
    ),
}


def _actor(application, action):
    return application.worker if action in svc.WORKER_ACTIONS else application.gig.employer


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "status"), [(a, s) for a in TRANSITIONS for s in ALL_STATUSES])
def test_every_transition_is_allowed_or_refused_as_designed(
    action, status, django_capture_on_commit_callbacks
):
    """Each (action, status) pair either moves the application with a history row and tells the
    other side (inbox + email), or raises ApplicationError and changes nothing."""
    application = factories.ApplicationFactory(status=status)
    expected = TRANSITIONS[action].get(status)
    with django_capture_on_commit_callbacks(execute=True):
        if expected is None and not (action == "view" and status != "sent"):
            with pytest.raises(ApplicationError):
                SERVICE[action](application=application, by=_actor(application, action))
        else:
            SERVICE[action](application=application, by=_actor(application, action))
    application.refresh_from_db()
    if expected is None:
        assert application.status == status
        assert not ApplicationEvent.objects.exists()
        assert not InboxItem.objects.exists() and not mail.outbox
        return
    assert application.status == expected
    event = ApplicationEvent.objects.get()
    assert (event.action, event.from_status, event.to_status) == (action, status, expected)
    other_side = application.gig.employer if action in svc.NOTIFY_EMPLOYER else application.worker
    assert InboxItem.objects.get().user == other_side
    assert [m.to for m in mail.outbox] == [[other_side.email]]
    message = mail.outbox[0]
    assert application.get_absolute_url() in message.body
    for body in (message.body, message.alternatives[0][0]):
        assert "wa.me" not in body and "85712345678" not in body and "81234567890" not in body


def test_transition_table_matches_the_design():
    edges = {(src, dst) for table in TRANSITIONS.values() for src, dst in table.items()}
    S = ApplicationStatus
    forward = {
        (S.SENT, S.VIEWED),
        (S.SENT, S.SHORTLISTED),
        (S.VIEWED, S.SHORTLISTED),
        (S.SHORTLISTED, S.TRIAL_OFFERED),
        (S.SHORTLISTED, S.HIRED),
        (S.TRIAL_OFFERED, S.HIRED),
        (S.TRIAL_OFFERED, S.TRIAL_ACCEPTED),  # the worker accepts the trial
        (S.TRIAL_OFFERED, S.SHORTLISTED),  # … or declines it and stays shortlisted
        (S.TRIAL_ACCEPTED, S.HIRED),
    }
    open_stages = {S.SENT, S.VIEWED, S.SHORTLISTED, S.TRIAL_OFFERED, S.TRIAL_ACCEPTED}
    endings = {(s, S.DECLINED) for s in open_stages} | {(s, S.WITHDRAWN) for s in open_stages}
    assert edges == forward | endings


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_only_the_right_party_may_act(action, other_worker, other_employer):
    """Another worker or another employer can't change an application; the wrong side can't either."""
    application = factories.ApplicationFactory(status="shortlisted")
    intruders = [other_worker, other_employer]
    intruders.append(application.gig.employer if action in svc.WORKER_ACTIONS else application.worker)
    for intruder in intruders:
        with pytest.raises(PermissionDenied):
            SERVICE[action](application=application, by=intruder)
    application.refresh_from_db()
    assert application.status == "shortlisted"


@pytest.mark.django_db
def test_submit_creates_one_application_and_tells_the_employer(worker, django_capture_on_commit_callbacks):
    gig = factories.PublishedGigFactory(screening_question="Pernah pakai Shopee Seller Center?")
    with django_capture_on_commit_callbacks(execute=True):
        application = svc.application_submit(
            gig=gig, worker=worker, message="  Halo kak  ", screening_answer="Pernah, 2 tahun"
        )
    assert (application.status, application.message, application.screening_answer) == (
        "sent",
        "Halo kak",
        "Pernah, 2 tahun",
    )
    assert InboxItem.objects.get().user == gig.employer
    assert mail.outbox[0].to == [gig.employer.email]
    assert worker.display_name in mail.outbox[0].body
    with pytest.raises(ApplicationError) as excinfo:
        svc.application_submit(gig=gig, worker=worker, message="lagi")
    assert "sudah melamar" in str(excinfo.value)
    assert Application.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    [
        factories.ClosedGigFactory,
        factories.ExpiredGigFactory,
        factories.DraftGigFactory,
        factories.PendingGigFactory,
        factories.SuspendedGigFactory,
        factories.RejectedGigFactory,
    ],
)
def test_applying_to_a_gig_that_is_not_live_is_refused(factory, worker):
    with pytest.raises(ApplicationError) as excinfo:
        svc.application_submit(gig=factory(), worker=worker)
    assert "lamaran tidak bisa dikirim" in str(excinfo.value)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_published_but_past_expiry_is_refused(worker):
    from datetime import timedelta

    from django.utils import timezone

    gig = factories.PublishedGigFactory(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ApplicationError):
        svc.application_submit(gig=gig, worker=worker)


@pytest.mark.django_db
def test_employers_and_moderators_cannot_apply(employer, moderator):
    gig = factories.PublishedGigFactory()
    for user in (employer, moderator, gig.employer):
        with pytest.raises(PermissionDenied):
            svc.application_submit(gig=gig, worker=user)


@pytest.mark.django_db
def test_bulk_decline_only_touches_open_applications_of_that_gig(employer):
    gig = factories.PublishedGigFactory(employer=employer)
    sent = factories.ApplicationFactory(gig=gig)
    viewed = factories.ApplicationFactory(gig=gig, status="viewed")
    hired = factories.ApplicationFactory(gig=gig, status="hired")
    foreign = factories.ApplicationFactory()  # someone else's gig
    count = svc.application_bulk_decline(
        gig=gig, by=employer, application_ids=[sent.pk, viewed.pk, hired.pk, foreign.pk]
    )
    assert count == 2
    statuses = {a.pk: a.status for a in Application.objects.all()}
    assert statuses == {sent.pk: "declined", viewed.pk: "declined", hired.pk: "hired", foreign.pk: "sent"}


@pytest.mark.django_db
def test_bulk_decline_on_someone_elses_gig_is_refused(employer):
    application = factories.ApplicationFactory()
    with pytest.raises(PermissionDenied):
        svc.application_bulk_decline(gig=application.gig, by=employer, application_ids=[application.pk])


@pytest.mark.django_db
def test_employer_note_is_saved_only_by_the_owner(other_employer):
    application = factories.ApplicationFactory()
    svc.application_note_save(application=application, by=application.gig.employer, note=" Fast respon ")
    application.refresh_from_db()
    assert application.employer_note == "Fast respon"
    with pytest.raises(PermissionDenied):
        svc.application_note_save(application=application, by=other_employer, note="x")


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_make_one_row(worker):
    """Two requests racing to apply for the same gig: the constraint keeps one row and the
    loser gets the friendly duplicate error, not a 500."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers with table locks")
    gig = factories.PublishedGigFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def apply():
        try:
            barrier.wait(timeout=10)
            svc.application_submit(gig=gig, worker=worker, message="cepat")
            outcomes.append("ok")
        except ApplicationError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=apply) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["duplicate", "ok"]
    assert Application.objects.filter(gig=gig, worker=worker).count() == 1
    assert ApplicationEvent.objects.count() == 1
