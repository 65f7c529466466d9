"""Admin for reviews (imported by listings/admin.py). Hiding goes through the service."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from ..models import Review, ReviewEvent
from . import services


class ReviewEventInline(admin.TabularInline):
    model = ReviewEvent
    extra = 0
    can_delete = False
    readonly_fields = ("action", "actor", "reason", "created_at")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("created_at", "direction", "author", "subject", "rating", "visible_from", "hidden_at")
    list_filter = ("direction", "rating", ("hidden_at", admin.EmptyFieldListFilter))
    search_fields = ("comment", "author__email", "subject__email")
    list_select_related = ("author", "subject")
    raw_id_fields = ("application", "author", "subject", "hidden_by")
    readonly_fields = [f.name for f in Review._meta.fields]
    inlines = [ReviewEventInline]
    actions = ["unhide"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Tampilkan lagi ulasan terpilih"))
    def unhide(self, request, queryset):
        for review in queryset.filter(hidden_at__isnull=False):
            services.review_unhide(review=review, by=request.user, reason=str(_("Dari admin")))
        messages.success(request, _("Ulasan ditampilkan lagi."))
