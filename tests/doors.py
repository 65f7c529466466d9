"""The guard behind tests/architecture/test_doors.py: which code may write stateful rows."""

from __future__ import annotations

import sys
from pathlib import Path

from django.db.models import QuerySet
from django.db.models.signals import pre_delete, pre_save

from listings.models import Alert, Application, Gig, Report

ROOT = Path(__file__).resolve().parents[1]
STATEFUL = (Gig, Application, Report, Alert)
# Where writes may start: the features' services, the shared transition helper, and tests
# (fixtures and factories set rows up directly).
DOORS = ("services.py", "workflow.py", "privacy.py")


class OutsideTheDoor(AssertionError):
    pass


def door_of(filename: str) -> bool:
    path = Path(filename)
    parts = path.parts
    return "tests" in parts or path.name in DOORS or "migrations" in parts


def _project_file(filename: str) -> str | None:
    """The file as a path inside the project, or None for library code and models."""
    path = Path(filename)
    try:
        rel = (path if path.is_absolute() else ROOT / path).resolve().relative_to(ROOT)
    except ValueError:
        return None
    if rel.parts[0] in (".venv",) or rel.parts[:2] == ("listings", "models") or rel.name == "doors.py":
        return None
    return str(rel)


def check_caller(model, what: str) -> None:
    """The innermost project frame decides: a door, or an error."""
    if model not in STATEFUL:
        return
    frame = sys._getframe(2)
    while frame is not None:
        rel = _project_file(frame.f_code.co_filename)
        if rel is not None:
            if door_of(rel):
                return
            raise OutsideTheDoor(f"{model.__name__} {what} from {rel}:{frame.f_lineno}, not through services")
        frame = frame.f_back
    raise OutsideTheDoor(f"{model.__name__} {what} with no project code on the stack (Django admin?)")


def _on_save(sender, **kwargs):
    if not kwargs.get("raw"):
        check_caller(sender, "saved")


def _on_delete(sender, **kwargs):
    check_caller(sender, "deleted")


_original_update = QuerySet.update


def _update(self, **kwargs):
    check_caller(self.model, "updated")
    return _original_update(self, **kwargs)


def install() -> None:
    for model in STATEFUL:
        pre_save.connect(_on_save, sender=model, dispatch_uid=f"door-save-{model.__name__}")
        pre_delete.connect(_on_delete, sender=model, dispatch_uid=f"door-delete-{model.__name__}")
    QuerySet.update = _update


def uninstall() -> None:
    for model in STATEFUL:
        pre_save.disconnect(sender=model, dispatch_uid=f"door-save-{model.__name__}")
        pre_delete.disconnect(sender=model, dispatch_uid=f"door-delete-{model.__name__}")
    QuerySet.update = _original_update
