"""The machinery every state machine shares: one transition helper and one way to schedule
follow-up work.

A feature's `services.py` declares its table (action -> {from status -> to status}) as a
`StateMachine` and moves rows only through `StateMachine.move`, which locks the row,
validates the edge, saves the new status and writes the feature's audit row in one
transaction. Follow-up work (emails, screening, matching) is scheduled with `enqueue`, by
task name through a transactional outbox (`enqueue`): the row is written with the change and
sent to the broker after commit, so services never import task modules (tasks import
services) and a broker outage delays follow-up work instead of losing it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from celery import current_app
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from listings.models import OutboxMessage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StateMachine:
    """A transition table plus the error raised for a move the table does not allow."""

    transitions: dict[str, dict]
    error: type[ValidationError]
    invalid_message: Callable[[models.Model, str], str]
    field: str = "status"  # the column that holds the state

    def allowed_actions(self, status) -> set[str]:
        return {action for action, edges in self.transitions.items() if status in edges}

    def move(
        self,
        instance: models.Model,
        *,
        action: str,
        audit: Callable[[str, str], object] | None = None,
        before_save: Callable[[str], Iterable[str]] | None = None,
        fields: Iterable[str] = (),
    ) -> models.Model:
        """Move `instance` along `action` under a row lock, so concurrent decisions can't
        both win. `before_save(from_status)` may set more fields and returns their names;
        `audit(from_status, to_status)` writes the audit row in the same transaction."""
        with transaction.atomic():
            locked = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
            edges = self.transitions[action]
            from_status = getattr(locked, self.field)
            if from_status not in edges:
                raise self.error(self.invalid_message(locked, action), code="invalid_transition")
            setattr(instance, self.field, edges[from_status])
            extra = list(before_save(from_status)) if before_save else []
            instance.save(update_fields=[self.field, *fields, *extra])
            if audit is not None:
                audit(from_status, edges[from_status])
        return instance


def dispatch(task_name: str, *args) -> bool:
    """Send the Celery task `task_name` now (inside a task: no transaction to wait for).

    A broker that is down must not turn a committed action into an error page: the failure
    is logged and False returned; the safety nets re-drive the work.
    """
    try:
        current_app.tasks[task_name].delay(*args)
    except BrokerError:
        logger.exception("could not enqueue %s%r; left for the safety net", task_name, args)
        return False
    return True


def enqueue(task_name: str, *args) -> OutboxMessage:
    """Record the task in the outbox, in the current transaction, and send it once that
    transaction commits. If the broker is down then, the row waits for `outbox_redrive`."""
    message = OutboxMessage.objects.create(task=task_name, args=list(args))
    transaction.on_commit(lambda: outbox_send(message))
    return message


def outbox_send(message: OutboxMessage) -> bool:
    """Hand one outbox row to the broker and stamp it; a refusal is counted, not raised."""
    sent = dispatch(message.task, *message.args)
    if sent:
        OutboxMessage.objects.filter(pk=message.pk).update(dispatched_at=timezone.now())
    else:
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=F("attempts") + 1, last_error="broker unavailable"
        )
    return sent


def outbox_redrive(*, older_than: timedelta = timedelta(seconds=30), limit: int = 1000) -> int:
    """Send again what a broker outage left waiting (rows older than `older_than`, so a request
    still committing is not raced). Returns how many went out."""
    waiting = OutboxMessage.objects.filter(
        dispatched_at__isnull=True, created_at__lte=timezone.now() - older_than
    ).order_by("pk")[:limit]
    return sum(outbox_send(message) for message in waiting)
