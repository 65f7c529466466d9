"""In-app notifications: the one door for writing and reading `InboxItem` rows.

Other features (application updates, match alerts) call `inbox_item_create`; the header
shows `inbox_unread_count` (see `listings.context_processors.inbox`).
"""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from listings.messaging.texts import MESSAGES, message_text
from listings.models import InboxItem


def inbox_item_create(
    *, user: User, kind: str, code: str, params: dict | None = None, url: str = ""
) -> InboxItem:
    """Put one notification in `user`'s inbox: a code of `listings.messaging.texts` and its
    parameters; the sentence is made in the reader's language when it is shown."""
    if code not in MESSAGES:
        raise ValueError(f"unknown inbox message code {code!r}")
    return InboxItem.objects.create(user=user, kind=kind, code=code, params=params or {}, url=url)


def inbox_item_text(item: InboxItem) -> str:
    """What `item` says, in the active language (old rows: their stored text)."""
    return message_text(item.code, item.params, fallback=item.text)


def inbox_items_for(*, user: User) -> QuerySet[InboxItem]:
    return InboxItem.objects.filter(user=user)


def inbox_unread_subquery() -> Coalesce:
    """The unread count as an expression on a User query: the session user is loaded with it
    (`accounts.backends`), so the header bell costs no query of its own."""
    unread = (
        InboxItem.objects.filter(user=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread, output_field=IntegerField()), 0)


def inbox_unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    preloaded = getattr(user, "inbox_unread_preloaded", None)
    if preloaded is not None:
        return preloaded
    return InboxItem.objects.filter(user=user, read_at__isnull=True).count()


def inbox_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark the given items (or all of them) read; returns how many changed."""
    qs = InboxItem.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    changed = qs.update(read_at=timezone.now())
    if getattr(user, "inbox_unread_preloaded", None) is not None:  # the header of this page
        user.inbox_unread_preloaded = max(0, user.inbox_unread_preloaded - changed)
    return changed
