"""Admin for the in-app inbox."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from listings.messaging.services import inbox_item_text
from listings.models import InboxItem


@admin.register(InboxItem)
class InboxItemAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "message", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "code", "text")
    list_select_related = ("user",)
    readonly_fields = ("user", "kind", "message", "code", "params", "text", "url", "created_at", "read_at")

    @admin.display(description=_("pesan"))
    def message(self, item: InboxItem) -> str:
        return inbox_item_text(item)
