"""Rates for django-ratelimit, read from settings at request time (so tests and ops can change them).

Used as `@ratelimit(key="user_or_ip", rate=ratelimits.gig_post, method="POST")`.
"""

from django.conf import settings
from django.shortcuts import render


def gig_post(group, request) -> str:
    """Posting gigs (create form): RATELIMIT_GIG_POST, default 20/h per account."""
    return settings.RATELIMIT_GIG_POST


def report(group, request) -> str:
    """Reporting gigs: RATELIMIT_REPORT, default 10/h per account."""
    return settings.RATELIMIT_REPORT


def ratelimited(request, exception=None):
    """Every rate limit (django-ratelimit, allauth, axes lockout) answers with the same page."""
    return render(request, "429.html", status=429)
