"""Admin for verification requests (imported by listings/admin.py): read-only, decisions are
made in the moderators' queue so the KTP is deleted and everything is audited."""

from django.contrib import admin

from ..models import VerificationEvent, VerificationRequest


class VerificationEventInline(admin.TabularInline):
    model = VerificationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("action", "actor", "reason", "created_at")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(VerificationRequest)
class VerificationRequestAdmin(admin.ModelAdmin):
    list_display = ("created_at", "profile", "status", "decided_by", "decided_at")
    list_filter = ("status",)
    search_fields = ("profile__business_name", "profile__user__email", "nib")
    list_select_related = ("profile", "decided_by")
    exclude = ("ktp", "shop_photo")
    readonly_fields = [
        f.name for f in VerificationRequest._meta.fields if f.name not in ("ktp", "shop_photo")
    ]
    inlines = [VerificationEventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
