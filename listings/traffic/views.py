from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from .selectors import DAYS, owner_dashboard


@login_required
def owner_insights(request):
    """The owner's dashboard: per gig and overall, the last 30 days."""
    if not request.user.is_employer:
        raise PermissionDenied(_("Halaman ini khusus pemilik usaha."))
    dashboard = owner_dashboard(user=request.user)
    return render(request, "listings/traffic/owner_insights.html", {"dashboard": dashboard, "days": DAYS})
