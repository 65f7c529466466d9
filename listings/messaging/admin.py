"""Admin for the in-app inbox."""

from django.contrib import admin

from listings.models import InboxItem


@admin.register(InboxItem)
class InboxItemAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "text", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "text")
    list_select_related = ("user",)
    readonly_fields = ("user", "kind", "text", "url", "created_at", "read_at")
