"""Admin for WhatsApp opt-ins and the application-update ledger (imported by listings/admin.py).
Read-only: opt-ins change only through the worker's own settings page."""

from django.contrib import admin

from ..models import WhatsAppMessage, WhatsAppOptIn, WhatsAppOptInEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WhatsAppOptIn)
class WhatsAppOptInAdmin(ReadOnlyAdmin):
    list_display = ("worker", "phone", "active", "verified_at", "opted_out_at")
    list_filter = ("active",)
    search_fields = ("worker__email", "phone")
    list_select_related = ("worker",)
    exclude = ("code_hash",)


@admin.register(WhatsAppMessage)
class WhatsAppMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "key", "worker", "template", "status", "attempts", "sent_at")
    list_filter = ("status", "template")
    search_fields = ("key", "worker__email", "provider_id", "last_error")
    list_select_related = ("worker",)


@admin.register(WhatsAppOptInEvent)
class WhatsAppOptInEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "worker", "action", "phone")
    list_filter = ("action",)
    search_fields = ("worker__email", "phone")
    list_select_related = ("worker",)
