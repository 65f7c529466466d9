import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")

app = Celery("jobboard")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "expire-gigs-every-15-minutes": {
        "task": "listings.tasks.expire_gigs",
        "schedule": crontab(minute="*/15"),
    },
}
