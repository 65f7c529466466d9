"""The "Moderator" group: what a staff moderator needs in Django admin, without superuser.

Created by migration listings 0012 and again by `seed_demo` (a flushed database has no
groups). Everything in our apps may be viewed; gigs, reports and business profiles may be
changed — their state fields are read-only there, so changes still go through the services.
"""

MODERATOR_GROUP = "Moderator"
APPS = ("listings", "accounts")
CHANGE = {("listings", "gig"), ("listings", "report"), ("accounts", "employerprofile")}


def ensure_moderator_group(group_model, permission_model):
    """Create or complete the group; takes the models so a migration can pass its own."""
    group, _created = group_model.objects.get_or_create(name=MODERATOR_GROUP)
    ours = permission_model.objects.filter(content_type__app_label__in=APPS).select_related("content_type")
    wanted = [
        p
        for p in ours
        if p.codename.startswith("view_")
        or (p.codename.startswith("change_") and (p.content_type.app_label, p.content_type.model) in CHANGE)
    ]
    group.permissions.add(*wanted)
    return group
