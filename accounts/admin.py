from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import EmployerProfile, User, WorkerAvailability, WorkerProfile


class WorkerAvailabilityInline(admin.TabularInline):
    model = WorkerAvailability
    extra = 0


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


@admin.register(EmployerProfile)
class EmployerProfileAdmin(admin.ModelAdmin):
    list_display = ("business_name", "user", "category", "city", "is_verified")
    list_filter = ("is_verified", "category")
    search_fields = ("business_name", "user__email", "city")
    list_select_related = ("user",)
    readonly_fields = ("verified_at", "verified_by")


@admin.register(WorkerProfile)
class WorkerProfileAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "city", "open_to_remote")
    search_fields = ("display_name", "user__email", "city")
    list_select_related = ("user",)
    inlines = [WorkerAvailabilityInline]
