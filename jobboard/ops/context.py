"""Who is being served right now (a web request or a Celery task), for logs and error reports.

Context variables, so each thread (gunicorn's sync workers, the health probes' executor) and
each task keeps its own values.
"""

import contextlib
import contextvars
from collections.abc import Iterator

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
user_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("user_id", default=None)
task_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("task_id", default=None)


@contextlib.contextmanager
def bound(**values) -> Iterator[None]:
    """Set some of request_id / user_id / task_id for the duration of the block."""
    variables = {"request_id": request_id, "user_id": user_id, "task_id": task_id}
    tokens = [(variables[name], variables[name].set(value)) for name, value in values.items()]
    try:
        yield
    finally:
        for variable, token in reversed(tokens):
            variable.reset(token)
