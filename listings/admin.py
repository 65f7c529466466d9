from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from . import safety, services
from .models import (
    Application,
    ApplicationEvent,
    EmployerEvent,
    Gig,
    GigEvent,
    GigScreening,
    GigTimeWindow,
    InboxItem,
    Report,
)


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
    fields = readonly_fields = ("day", "start", "end")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _apply(modeladmin, request, queryset, call, done: str) -> None:
    """Run a service on each selected row; report successes and refusals separately.

    Also used by accounts/admin.py for the verify / ban actions.
    """
    ok, refused = 0, []
    for obj in queryset:
        try:
            call(obj)
            ok += 1
        except (ValidationError, PermissionDenied) as error:
            refused.append(f"{obj}: {' '.join(getattr(error, 'messages', [str(error)]))}")
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


@admin.action(description=_("Screening ulang lowongan terpilih"))
def rescreen_gigs(modeladmin, request, queryset):
    _apply(modeladmin, request, queryset, lambda g: safety.gig_screen(gig=g), _("Diperiksa ulang"))


class RiskFilter(admin.SimpleListFilter):
    title = _("risiko penipuan")
    parameter_name = "risk"

    def lookups(self, request, model_admin):
        return [
            ("flagged", _("Ditandai")),
            ("some", _("Ada tanda ringan")),
            ("clean", _("Bersih")),
            ("none", _("Belum diperiksa")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "flagged":
            return queryset.filter(screening__flagged=True)
        if value == "some":
            return queryset.filter(screening__flagged=False, screening__score__gt=0)
        if value == "clean":
            return queryset.filter(screening__score=0)
        if value == "none":
            return queryset.filter(screening__isnull=True)
        return queryset


@admin.register(Gig)
class GigAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "employer",
        "risk_score",
        "status",
        "pay_model",
        "pay_min",
        "work_mode",
        "city",
        "submitted_at",
    )
    list_filter = ("status", RiskFilter, "pay_model", "work_mode", "employer__employer_profile__is_verified")
    search_fields = ("title", "description", "employer__email", "employer__employer_profile__business_name")
    date_hierarchy = "created_at"
    list_select_related = ("employer", "screening")
    readonly_fields = (
        "screening_reasons",
        "status",
        "submitted_at",
        "published_at",
        "closed_at",
        "view_count",
        "import_key",
        "slug",
    )
    inlines = [GigTimeWindowInline, GigEventInline]
    actions = [approve_gigs, reject_gigs, suspend_gigs, rescreen_gigs]
    ordering = ("-created_at",)

    # Gigs change through listings.services only (re-screening, audit row, back to review):
    # the owner edits on the site, moderators use the actions. Here every field is read-only.
    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Gig._meta.fields if f.name != "id"] + list(self.readonly_fields)

    @admin.display(description=_("risiko"), ordering=F("screening__score").desc(nulls_last=True))
    def risk_score(self, gig):
        screening = getattr(gig, "screening", None)
        if screening is None:
            return "—"
        return f"{screening.score} ⚠" if screening.flagged else str(screening.score)

    @admin.display(description=_("hasil screening"))
    def screening_reasons(self, gig):
        screening = getattr(gig, "screening", None)
        return render_to_string("includes/screening_reasons.html", {"screening": screening})


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


@admin.action(description=_("Tindak lanjuti (turunkan lowongan)"))
def action_reports(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        lambda report: services.report_action(report=report, by=request.user),
        _("Laporan ditindaklanjuti"),
    )


@admin.action(description=_("Tolak laporan"))
def dismiss_reports(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        lambda report: services.report_resolve(report=report, by=request.user, actioned=False),
        _("Laporan ditolak"),
    )


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "gig", "reason", "status", "reporter")
    list_filter = ("status", "reason")
    search_fields = ("gig__title", "details", "reporter__email")
    list_select_related = ("gig", "reporter")
    # Outcomes go through listings.services (reporters are told, the gig comes down).
    readonly_fields = (
        *("gig", "reporter", "reason", "details", "status"),
        *("resolution_note", "resolved_by", "resolved_at"),
    )
    actions = [action_reports, dismiss_reports]

    def has_add_permission(self, request):
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
