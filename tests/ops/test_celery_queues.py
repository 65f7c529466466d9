"""Tasks are routed by kind to the queues compose runs a worker for."""

import pytest
from django.conf import settings

from jobboard.celery import app

QUEUES = {"screening", "fanout", "email", "default"}


@pytest.mark.smoke
def test_every_route_names_a_registered_task_and_a_known_queue():
    """A task renamed or moved (listings.<feature>.tasks) without updating CELERY_TASK_ROUTES
    would silently fall back to `default`: this catches it."""
    app.loader.import_default_modules()
    for name, route in settings.CELERY_TASK_ROUTES.items():
        assert name in app.tasks, f"CELERY_TASK_ROUTES names {name}, which is not a task"
        assert route["queue"] in QUEUES


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("task", "queue"),
    [
        ("listings.trust.tasks.screen_gig", "screening"),
        ("listings.alerts.tasks.match_gig", "fanout"),
        ("listings.alerts.tasks.fan_out_range", "fanout"),
        ("listings.alerts.tasks.deliver_notifications", "email"),
        ("listings.messaging.tasks.send_account_email", "email"),
        ("listings.gigs.tasks.expire_gigs", "default"),
        ("a.task.nobody.routed", "default"),
    ],
)
def test_tasks_go_to_the_queue_of_their_kind(task, queue):
    assert app.amqp.router.route({}, task)["queue"].name == queue


@pytest.mark.smoke
def test_a_worker_without_q_consumes_every_queue():
    """`make worker`, the quick start and the test workers run one process for all kinds."""
    assert {queue.name for queue in app.conf.task_queues} == QUEUES
    assert app.conf.task_default_queue == "default"


@pytest.mark.smoke
def test_late_acknowledgement_applies_on_every_queue():
    """A worker lost mid-task leaves its message unacknowledged; Redis hands it to another
    worker after the visibility timeout, whatever the queue (the notification safety net
    then re-runs what is missing)."""
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.broker_transport_options["visibility_timeout"] > 0
