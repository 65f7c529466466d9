import os

from celery import Celery
from celery.schedules import crontab

from jobboard.ops import celery_context  # noqa: F401  (request ids and outcome log lines for tasks)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")

app = Celery("jobboard")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each feature package of listings/ keeps its tasks in its own tasks.py; ListingsConfig.ready
# imports them, so web processes (which enqueue by name) and workers know the same tasks.
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "rebuild-board-words-hourly": {
        "task": "listings.search.tasks.rebuild_board_words",
        "schedule": crontab(minute=7),
    },
    "expire-gigs-every-15-minutes": {
        "task": "listings.gigs.tasks.expire_gigs",
        "schedule": crontab(minute="*/15"),
    },
    # CELERY_TIMEZONE is Asia/Jakarta, so this is 07:00 WIB.
    "daily-alert-digest-0700-wib": {
        "task": "listings.alerts.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    # Safety net for task messages a broker lost (see listings/alerts/notifications.py).
    "requeue-stuck-notifications": {
        "task": "listings.alerts.tasks.requeue_stuck_notifications",
        "schedule": float(os.environ.get("NOTIFY_SAFETY_NET_SECONDS", "60")),
    },
    # Follow-up work (emails, screening, matching) a broker outage left in the outbox.
    "redrive-outbox": {
        "task": "listings.outbox.tasks.redrive_outbox",
        "schedule": float(os.environ.get("NOTIFY_SAFETY_NET_SECONDS", "60")),
    },
    # Pay insights (/gaji/ and the note on each card) from the gigs of the last 90 days.
    "refresh-pay-insights-hourly": {
        "task": "listings.insights.tasks.refresh_pay_insights",
        "schedule": crontab(minute=5),
    },
    # Views and search impressions counted in Redis, written to the database in batches.
    "flush-gig-traffic-counters": {
        "task": "listings.traffic.tasks.flush_gig_traffic",
        "schedule": float(os.environ.get("TRAFFIC_FLUSH_SECONDS", "300")),
    },
}
