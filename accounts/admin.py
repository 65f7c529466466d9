from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from listings.admin import _apply

from .models import EmployerProfile, User, WorkerAvailability, WorkerProfile


class WorkerAvailabilityInline(admin.TabularInline):
    model = WorkerAvailability
    extra = 0


@admin.action(description=_("Blokir akun terpilih (lowongan diturunkan, login ditolak)"))
def ban_users(modeladmin, request, queryset):
    from listings import safety

    reason = str(_("Melanggar pedoman Loker CS (diblokir lewat admin)."))
    _apply(
        modeladmin,
        request,
        queryset,
        lambda u: safety.employer_ban(user=u, by=request.user, reason=reason),
        _("Diblokir"),
    )


@admin.action(description=_("Buka blokir akun terpilih"))
def unban_users(modeladmin, request, queryset):
    from listings import safety

    _apply(
        modeladmin, request, queryset, lambda u: safety.employer_unban(user=u, by=request.user), _("Dibuka")
    )


@admin.action(description=_("Verifikasi UMKM terpilih"))
def verify_profiles(modeladmin, request, queryset):
    from listings import safety

    _apply(
        modeladmin,
        request,
        queryset.select_related("user"),
        lambda p: safety.employer_verify(profile=p, by=request.user, note=str(_("Diverifikasi lewat admin"))),
        _("Diverifikasi"),
    )


@admin.action(description=_("Cabut verifikasi UMKM terpilih"))
def unverify_profiles(modeladmin, request, queryset):
    from listings import safety

    _apply(
        modeladmin,
        request,
        queryset.select_related("user"),
        lambda p: safety.employer_unverify(profile=p, by=request.user),
        _("Verifikasi dicabut"),
    )


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "role", "is_active", "is_staff", "banned_at", "date_joined")
    list_filter = ("role", "is_active", "is_staff")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password", "role")}),
        (_("Nama"), {"fields": ("first_name", "last_name")}),
        (_("Izin"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Blokir"), {"fields": ("banned_at", "ban_reason")}),
        (_("Tanggal"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "role", "password1", "password2")}),)
    # Bans (and `is_active`) go through listings.safety (gigs down, audit row, email),
    # not by editing fields.
    readonly_fields = ("is_active", "banned_at", "ban_reason")
    actions = [ban_users, unban_users]


@admin.register(EmployerProfile)
class EmployerProfileAdmin(admin.ModelAdmin):
    list_display = ("business_name", "user", "category", "city", "is_verified")
    list_filter = ("is_verified", "category")
    search_fields = ("business_name", "user__email", "city")
    list_select_related = ("user",)
    # Verification goes through listings.safety so it is audited.
    readonly_fields = ("is_verified", "verified_at", "verified_by")
    actions = [verify_profiles, unverify_profiles]


@admin.register(WorkerProfile)
class WorkerProfileAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "city", "open_to_remote")
    search_fields = ("display_name", "user__email", "city")
    list_select_related = ("user",)
    inlines = [WorkerAvailabilityInline]
