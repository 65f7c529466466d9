"""Admin for trust & safety records: read-only; decisions go through listings.trust.services."""

from django.contrib import admin

from listings.models import EmployerEvent, GigScreening, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: reports are decided in the report queue (listings.trust.services)."""

    list_display = ("created_at", "gig", "reason", "status", "reporter")
    list_filter = ("status", "reason")
    search_fields = ("gig__title", "details", "reporter__email")
    list_select_related = ("gig", "reporter")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GigScreening)
class GigScreeningAdmin(admin.ModelAdmin):
    """Read-only: screenings are written by the screening task only."""

    list_display = ("gig", "score", "flagged", "outcome", "screened_at")
    list_filter = ("flagged", "outcome")
    search_fields = ("gig__title",)
    list_select_related = ("gig",)
    ordering = ("-score", "-screened_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(EmployerEvent)
class EmployerEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "employer", "action", "actor", "reason")
    list_filter = ("action",)
    search_fields = ("employer__email", "reason")
    list_select_related = ("employer", "actor")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
