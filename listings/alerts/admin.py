"""Admin for job alerts and the match-notification delivery log (imported by listings/admin.py)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from listings.alerts import tasks
from listings.models import Alert, Notification


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("name", "worker", "kind", "q", "frequency", "paused", "created_at")
    list_filter = ("kind", "frequency", "paused", "work_mode", "pay_model")
    search_fields = ("name", "q", "worker__email", "city")
    list_select_related = ("worker",)
    raw_id_fields = ("worker",)
    readonly_fields = ("q_key", "city_key", "created_at", "updated_at")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Delivery log: failed emails are listed here with their last error and can be retried."""

    list_display = ("created_at", "worker", "gig", "frequency", "channel", "status", "attempts", "sent_at")
    list_filter = ("status", "frequency", "channel")
    search_fields = ("worker__email", "gig__title", "last_error")
    list_select_related = ("worker", "gig")
    raw_id_fields = ("worker", "gig", "alert")
    readonly_fields = [f.name for f in Notification._meta.fields]
    date_hierarchy = "created_at"
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Kirim ulang yang gagal"))
    def retry_failed(self, request, queryset):
        ids = list(
            queryset.filter(status=Notification.Status.FAILED, frequency=Alert.Frequency.INSTANT).values_list(
                "pk", flat=True
            )
        )
        Notification.objects.filter(pk__in=ids).update(status=Notification.Status.QUEUED, attempts=0)
        if ids:
            tasks.deliver_notifications.delay(ids)
        self.message_user(request, _("%(n)d kiriman dijadwalkan ulang.") % {"n": len(ids)}, messages.SUCCESS)
