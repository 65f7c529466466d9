"""Production settings plus one probe view (tests/ops/replica_urls.py) that writes and then
reads in the same GET request, as the gig page does with its view counter."""

from jobboard.settings import *  # noqa: F403

ROOT_URLCONF = "tests.ops.replica_urls"
REPLICA_VIEWS = [*REPLICA_VIEWS, "ops_write_then_read"]  # noqa: F405
# No collectstatic in tests: plain static storage, as in jobboard/settings_test.py.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
