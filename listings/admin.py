"""Django admin: each feature registers its models in its own admin.py; this module (the one
Django's admin autodiscovery imports) only loads them."""

from listings.alerts import admin as alerts_admin  # noqa: F401
from listings.gigs import admin as gigs_admin  # noqa: F401
