"""Django admin: each feature registers its models in its own admin.py; this module (the one
Django's admin autodiscovery imports) only loads them."""

from listings.alerts import admin as alerts_admin  # noqa: F401
from listings.applications import admin as applications_admin  # noqa: F401
from listings.gigs import admin as gigs_admin  # noqa: F401
from listings.messaging import admin as messaging_admin  # noqa: F401
from listings.reviews import admin as reviews_admin  # noqa: F401
from listings.trust import admin as trust_admin  # noqa: F401
from listings.verification import admin as verification_admin  # noqa: F401
from listings.whatsapp import admin as whatsapp_admin  # noqa: F401
