"""The "Moderator" group: what a staff moderator needs in Django admin, without superuser."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderator"
APPS = ("listings", "accounts")
# Everything may be looked at; these may be changed (state changes still go through the
# services: the admin's fields for status, bans and verification are read-only).
CHANGE = {("listings", "gig"), ("listings", "report"), ("accounts", "employerprofile")}


def create_moderator_group(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions are otherwise made after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    wanted = Permission.objects.filter(content_type__app_label__in=APPS, codename__startswith="view_")
    change = [
        p
        for p in Permission.objects.filter(content_type__app_label__in=APPS, codename__startswith="change_")
        if (p.content_type.app_label, p.content_type.model) in CHANGE
    ]
    group.permissions.add(*wanted, *change)


def remove_moderator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0011_gig_copied_from"),
        ("accounts", "0002_worker_profile_sections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_moderator_group, remove_moderator_group)]
