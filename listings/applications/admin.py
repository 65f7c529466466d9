"""Admin for applications: read-only for support."""

from django.contrib import admin

from listings.models import Application, ApplicationEvent


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "actor", "action", "from_status", "to_status")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only view for support; status changes go through `listings.applications`."""

    list_display = ("gig", "worker", "status", "created_at", "status_changed_at")
    list_filter = ("status",)
    search_fields = ("gig__title", "worker__email")
    list_select_related = ("gig", "worker")
    readonly_fields = (
        "gig",
        "worker",
        "status",
        "message",
        "screening_answer",
        "employer_note",
        "created_at",
        "status_changed_at",
    )
    fields = readonly_fields
    inlines = [ApplicationEventInline]

    def has_add_permission(self, request):
        return False
