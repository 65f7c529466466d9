from django.contrib import admin
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from listings.actions import admin_apply
from listings.gigs import services
from listings.models import (
    Gig,
    GigEvent,
    GigTimeWindow,
)
from listings.trust import services as safety


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
    can_delete = False
    readonly_fields = ("day", "start", "end")

    def has_add_permission(self, request, obj=None):
        return False


@admin.action(description=_("Setujui lowongan terpilih"))
def approve_gigs(modeladmin, request, queryset):
    admin_apply(
        modeladmin, request, queryset, lambda g: services.gig_approve(gig=g, by=request.user), _("Disetujui")
    )


@admin.action(description=_("Tolak lowongan terpilih (alasan: belum memenuhi pedoman)"))
def reject_gigs(modeladmin, request, queryset):
    admin_apply(
        modeladmin,
        request,
        queryset,
        lambda g: services.gig_reject(gig=g, by=request.user, code="guidelines"),
        _("Ditolak"),
    )


@admin.action(description=_("Tangguhkan lowongan terpilih"))
def suspend_gigs(modeladmin, request, queryset):
    admin_apply(
        modeladmin,
        request,
        queryset,
        lambda g: services.gig_suspend(gig=g, by=request.user, reason=str(_("Ditangguhkan lewat admin"))),
        _("Ditangguhkan"),
    )


@admin.action(description=_("Screening ulang lowongan terpilih"))
def rescreen_gigs(modeladmin, request, queryset):
    admin_apply(modeladmin, request, queryset, lambda g: safety.gig_screen(gig=g), _("Diperiksa ulang"))


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
    # Read-only: a gig changes only through listings.gigs.services (re-screening, audit row,
    # back to review); moderators decide with the actions below or the moderation queue.
    inlines = [GigTimeWindowInline, GigEventInline]
    actions = [approve_gigs, reject_gigs, suspend_gigs, rescreen_gigs]
    ordering = ("-created_at",)

    def get_readonly_fields(self, request, obj=None):
        return ["screening_reasons", *(field.name for field in Gig._meta.fields)]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

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
