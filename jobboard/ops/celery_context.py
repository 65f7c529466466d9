"""Celery tasks carry the request id of the request that queued them (a message header) and
log their id, outcome and duration when they finish."""

import logging
import time

from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun

from jobboard.ops import context

HEADER = "request_id"
log = logging.getLogger("jobboard.tasks")
_started: dict[str, tuple[float, list]] = {}


@setup_logging.connect
def _keep_django_logging(**_):
    """Workers log through settings.LOGGING (JSON in production) like the web: with a receiver
    here, Celery leaves the logging configuration alone (level from LOG_LEVEL, not -l)."""


@before_task_publish.connect
def _carry_request_id(headers=None, **_):
    request_id = context.request_id.get()
    if request_id and headers is not None:
        headers.setdefault(HEADER, request_id)


def _request_id_of(task) -> str | None:
    request = task.request
    return getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(HEADER)


@task_prerun.connect
def _bind_task(task_id=None, task=None, **_):
    # Eager tasks run inside the request: they keep its id when the message has none.
    request_id = _request_id_of(task) or context.request_id.get()
    tokens = [
        (context.task_id, context.task_id.set(task_id)),
        (context.request_id, context.request_id.set(request_id)),
    ]
    _started[task_id] = (time.perf_counter(), tokens)


@task_postrun.connect
def _log_outcome(task_id=None, task=None, state=None, **_):
    started, tokens = _started.pop(task_id, (None, []))
    duration_ms = round((time.perf_counter() - started) * 1000, 1) if started is not None else None
    log.info(
        "task %s %s",
        task.name,
        state,
        extra={"task": task.name, "outcome": state, "duration_ms": duration_ms},
    )
    for variable, token in reversed(tokens):
        variable.reset(token)
