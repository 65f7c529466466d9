"""Schemathesis over the OpenAPI schema at /api/v1/schema/, in-process through the WSGI app.

For every operation it generates valid and edge-case requests from the schema (a bounded
number per operation, derandomized so CI is repeatable) and checks the answers: never a 5xx,
status codes, content types and bodies as documented."""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import factories

EXAMPLES_PER_OPERATION = 40
# Not positive_data_acceptance: a schema-valid page number past the last page is rightly a 404,
# and free-text filters the schema can't describe (a negative min_pay) rightly a 400.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@contextmanager
def _keep_test_connection():
    """The raw WSGI app closes the DB connection after each request (as Django's test client
    prevents); inside a test's transaction that connection must stay open."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_api_conforms_to_its_schema_and_never_errors(settings):
    """Each documented operation answers generated requests without a server error and as
    documented (status code, content type, response schema)."""
    from jobboard.wsgi import application

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    factories.PublishedGigFactory.create_batch(3)
    factories.PublishedGigFactory(pay_model="monthly", pay_min=2_500_000, work_mode="onsite", city="Medan")
    with _keep_test_connection():
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert operations, "the schema documents no operation"
        for operation in operations:

            @given(case=operation.as_strategy())
            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                case.call_and_validate(checks=CHECKS)

            check()
