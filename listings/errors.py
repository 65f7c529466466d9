"""Error pages in Indonesian with the site's navigation (jobboard/urls.py handlers).

A gig link shared on WhatsApp outlives the gig; its 404 offers similar open gigs instead
of a dead end (ended gigs that were public get their own 410 page, listings.discovery).
"""

import re

from django.shortcuts import render

from listings.discovery.selectors import similar_gigs
from listings.gigs.selectors import gig_latest
from listings.models import Gig

_GIG_PATH = re.compile(r"^/lowongan/(\d+)/")


def page_not_found(request, exception=None):
    found = _GIG_PATH.match(request.path)
    gone = Gig.objects.filter(pk=int(found.group(1))).first() if found else None
    gigs = similar_gigs(gig=gone) if gone is not None else list(gig_latest(limit=4))
    return render(request, "404.html", {"gigs": gigs, "was_gig": bool(found)}, status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
