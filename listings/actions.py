"""One dispatcher for the buttons owners, workers and moderators press.

A feature declares its buttons once (`Buttons`), each bound to a service. Which buttons a
row shows comes from the service's `allowed_actions` (the transition table), so templates
never repeat the workflow in `{% if status == … %}` and a view never runs an action the
table does not allow for that side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render


@dataclass(frozen=True)
class Button:
    code: str
    label: str  # lazy translations: rendered in the reader's language
    done: str
    service: Callable[..., object]
    style: str = ""  # extra CSS class: "btn-ghost", "btn-danger"
    always: bool = False  # offered whatever the status (e.g. duplicate)
    confirm: str = ""  # for what can't be undone: the question a page asks first (no JS needed)
    confirm_label: str = ""  # the confirming button ("Ya, hapus")


def confirm_page(request, *, question: str, label: str, action_url: str, cancel_url: str, carried=()):
    """The page that asks before an action that can't be undone; a plain form, so it works
    without JavaScript. `carried` (name, value) pairs are posted again with the answer."""
    context = {
        "question": question,
        "confirm_label": label,
        "action_url": action_url,
        "cancel_url": cancel_url,
        "carried": list(carried),
    }
    return render(request, "listings/confirm_action.html", context)


def needs_confirmation(request) -> bool:
    return request.POST.get("confirm") != "1"


class Buttons:
    """An ordered set of buttons for one side (owner, worker, moderator) of one model."""

    def __init__(self, *buttons: Button, allowed: Callable[[object], set[str]]):
        self._buttons = {button.code: button for button in buttons}
        self._allowed = allowed

    def for_(self, obj) -> list[Button]:
        """The buttons to show on `obj` now, in declaration order."""
        allowed = self._allowed(obj)
        return [b for b in self._buttons.values() if b.always or b.code in allowed]

    def get(self, code: str) -> Button:
        """The button a POST names; an unknown code is a 404 like an unknown URL."""
        try:
            return self._buttons[code]
        except KeyError:
            raise Http404 from None


def admin_apply(modeladmin, request, queryset, call, done: str) -> None:
    """Run a service on each selected row; report successes and refusals separately.

    Django admin actions call services through this, never by saving rows themselves.
    """
    ok, refused = 0, []
    for obj in queryset:
        try:
            call(obj)
            ok += 1
        except (ValidationError, PermissionDenied) as error:
            refused.append(f"{obj}: {' '.join(getattr(error, 'messages', [str(error)]))}")
    if ok:
        modeladmin.message_user(request, f"{done}: {ok}", messages.SUCCESS)
    for line in refused:
        modeladmin.message_user(request, line, messages.WARNING)
