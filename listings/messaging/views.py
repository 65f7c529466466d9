from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from listings.messaging import services as inbox


@login_required
def inbox_list(request):
    """The user's notifications, newest first; showing a page marks its items read."""
    page = Paginator(inbox.inbox_items_for(user=request.user), 30).get_page(request.GET.get("page"))
    items = list(page.object_list)
    inbox.inbox_mark_read(user=request.user, ids=[item.pk for item in items if item.is_unread])
    for item in items:
        item.display_text = inbox.inbox_item_text(item)
    return render(request, "listings/inbox.html", {"page": page, "items": items})
