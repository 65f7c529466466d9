"""sitemap.xml (Django's sitemaps framework): live gigs, businesses with live gigs, and the
public pages. Absolute links use SITE_URL, not the Sites framework's placeholder domain."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from accounts.models import EmployerProfile

from ..models import Gig


class _SiteUrlSitemap(Sitemap):
    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class GigSitemap(_SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.8
    limit = 20_000  # one sitemap file per 20,000 gigs; the index lists the pages

    def items(self):
        return Gig.objects.published().only("pk", "slug", "updated_at").order_by("-pk")

    def lastmod(self, gig):
        return gig.updated_at


class EmployerSitemap(_SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        live = Gig.objects.published().filter(employer_id=OuterRef("user_id"))
        return EmployerProfile.objects.filter(Exists(live)).only("pk", "updated_at").order_by("pk")

    def lastmod(self, profile):
        return profile.updated_at


class PageSitemap(_SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return [
            "listings:home",
            "listings:gig_list",
            "listings:pay_insights",
            "accounts:privacy",
            "accounts:terms",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"lowongan": GigSitemap, "usaha": EmployerSitemap, "halaman": PageSitemap}
