"""Log records carry the request id, user id and Celery task id of the work they belong to."""

import logging

from jobboard.ops import context


class ContextFilter(logging.Filter):
    """Adds request_id, user_id and task_id (None when absent) to every record; plain text
    logs show the request id, JSON logs every field."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, variable in (
            ("request_id", context.request_id),
            ("user_id", context.user_id),
            ("task_id", context.task_id),
        ):
            if getattr(record, name, None) is None:
                setattr(record, name, variable.get())
        return True


class PlainFormatter(logging.Formatter):
    """Text logs for development (`make run`): the request id in brackets, `-` outside requests."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s [%(request_id_or_dash)s] %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        record.request_id_or_dash = getattr(record, "request_id", None) or "-"
        return super().format(record)
