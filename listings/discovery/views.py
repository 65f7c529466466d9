from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from ..models import Gig
from .preview import gig_preview_png
from .selectors import absolute_url, ended_gig, similar_gigs
from .sitemaps import SITEMAPS

SITEMAP_CACHE_SECONDS = 3600


@require_GET
def gig_preview_image(request, pk: int, slug: str):
    """The gig's link-preview picture (PNG), for crawlers of WhatsApp, Facebook, X…"""
    gig = Gig.objects.published().with_card_data().filter(pk=pk).first()
    if gig is None:
        raise Http404(_("Lowongan tidak ditemukan."))
    response = HttpResponse(gig_preview_png(gig), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def gig_ended(request, *, pk: int):
    """A gig that ended: say so (410 Gone, not indexed) and offer similar live gigs."""
    try:
        gig = ended_gig(pk=pk)
    except Gig.DoesNotExist:
        raise Http404(_("Lowongan tidak ditemukan.")) from None
    context = {"gig": gig, "similar": similar_gigs(gig=gig)}
    return render(request, "listings/discovery/gig_ended.html", context, status=410)


@require_GET
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_index(request):
    """The index of the sections (and their pages past 20,000 gigs), with SITE_URL links
    (Django's own index view would use the Sites framework's domain)."""
    items = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = absolute_url(reverse("listings:sitemap_section", args=[section]))
        lastmod = sitemap.get_latest_lastmod()
        for page in range(1, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(location if page == 1 else f"{location}?p={page}", lastmod))
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")


@require_GET
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_section(request, section: str):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@require_GET
def robots_txt(request):
    """Private areas stay out of search engines; the sitemap says where the gigs are."""
    private = ["/saya/", "/moderasi/", "/akun/", "/admin/", "/lamaran/", "/notifikasi/", "/pekerja/profil/"]
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in private], "Allow: /", ""]
    lines.append("Sitemap: " + settings.SITE_URL.rstrip("/") + reverse("listings:sitemap"))
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
