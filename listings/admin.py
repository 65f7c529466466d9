from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Application, ApplicationEvent, Gig, GigEvent, GigTimeWindow, InboxItem, Report


class GigEventInline(admin.TabularInline):
    model = GigEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "actor", "action", "from_status", "to_status", "reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class GigTimeWindowInline(admin.TabularInline):
    model = GigTimeWindow
    extra = 0


def _apply(modeladmin, request, queryset, call, done: str) -> None:
    """Run a service on each selected gig; report successes and refusals separately."""
    ok, refused = 0, []
    for gig in queryset:
        try:
            call(gig)
            ok += 1
        except ValidationError as error:
            refused.append(f"{gig.title}: {' '.join(error.messages)}")
    if ok:
        modeladmin.message_user(request, f"{done}: {ok}", messages.SUCCESS)
    for line in refused:
        modeladmin.message_user(request, line, messages.WARNING)


@admin.action(description=_("Setujui lowongan terpilih"))
def approve_gigs(modeladmin, request, queryset):
    _apply(
        modeladmin, request, queryset, lambda g: services.gig_approve(gig=g, by=request.user), _("Disetujui")
    )


@admin.action(description=_("Tolak lowongan terpilih (alasan: belum memenuhi pedoman)"))
def reject_gigs(modeladmin, request, queryset):
    reason = _("Lowongan belum memenuhi pedoman Loker CS. Periksa gaji, tugas dan kontak, lalu ajukan lagi.")
    _apply(
        modeladmin,
        request,
        queryset,
        lambda g: services.gig_reject(gig=g, by=request.user, reason=str(reason)),
        _("Ditolak"),
    )


@admin.action(description=_("Tangguhkan lowongan terpilih"))
def suspend_gigs(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        lambda g: services.gig_suspend(gig=g, by=request.user, reason=str(_("Ditangguhkan lewat admin"))),
        _("Ditangguhkan"),
    )


@admin.register(Gig)
class GigAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "employer",
        "status",
        "pay_model",
        "pay_min",
        "work_mode",
        "city",
        "submitted_at",
    )
    list_filter = ("status", "pay_model", "work_mode", "employer__employer_profile__is_verified")
    search_fields = ("title", "description", "employer__email", "employer__employer_profile__business_name")
    date_hierarchy = "created_at"
    list_select_related = ("employer",)
    readonly_fields = (
        "status",
        "submitted_at",
        "published_at",
        "closed_at",
        "view_count",
        "import_key",
        "slug",
    )
    inlines = [GigTimeWindowInline, GigEventInline]
    actions = [approve_gigs, reject_gigs, suspend_gigs]
    ordering = ("-created_at",)


@admin.register(GigEvent)
class GigEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "gig", "action", "from_status", "to_status", "actor")
    list_filter = ("action", "to_status")
    search_fields = ("gig__title", "reason", "actor__email")
    list_select_related = ("gig", "actor")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "gig", "reason", "status", "reporter")
    list_filter = ("status", "reason")
    search_fields = ("gig__title", "details", "reporter__email")
    list_select_related = ("gig", "reporter")


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


@admin.register(InboxItem)
class InboxItemAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "text", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "text")
    list_select_related = ("user",)
    readonly_fields = ("user", "kind", "text", "url", "created_at", "read_at")


from . import admin_alerts  # noqa: E402,F401  (alerts and the notification delivery log)
