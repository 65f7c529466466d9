"""Error pages in Indonesian with the site's navigation (jobboard/urls.py handlers).

A gig link shared on WhatsApp outlives the gig; its 404 offers similar open gigs instead
of a dead end.
"""

import re

from django.shortcuts import render

from . import selectors

_GIG_PATH = re.compile(r"^/lowongan/(\d+)/")


def page_not_found(request, exception=None):
    found = _GIG_PATH.match(request.path)
    gigs = selectors.gig_similar_open(gig_id=int(found.group(1))) if found else selectors.gig_latest(limit=4)
    return render(request, "404.html", {"gigs": gigs, "was_gig": bool(found)}, status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
