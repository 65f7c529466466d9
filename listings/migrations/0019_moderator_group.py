"""The "Moderator" group (accounts/roles.py): Django admin for staff without superuser."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.roles import MODERATOR_GROUP, ensure_moderator_group


def create_moderator_group(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions are otherwise made after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_moderator_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_moderator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MODERATOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0018_gig_copied_from"),
        ("accounts", "0002_worker_profile_sections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_moderator_group, remove_moderator_group)]
