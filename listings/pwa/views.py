from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Bump to make every installed service worker drop its caches and fetch the shell again.
CACHE_VERSION = "1"
ICON_SIZES = (192, 512)


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request):
    data = {
        "name": "Loker CS",
        "short_name": "Loker CS",
        "description": _("Lowongan admin online, CS WFH dan admin olshop dari UMKM di seluruh Indonesia."),
        "lang": "id",
        "start_url": reverse("listings:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#0b6e4f",
        "icons": [
            {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in ICON_SIZES
        ]
        + [
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """Served from the site root so its scope is the whole site; browsers re-check it on
    every visit (no-cache), so a new CACHE_VERSION reaches them quickly."""
    context = {
        "version": CACHE_VERSION,
        "offline_url": reverse("listings:offline"),
        "search_url": reverse("listings:gig_list"),
        "shell": [reverse("listings:offline"), static("css/site.css"), static("icons/icon-192.png")],
    }
    return render(request, "listings/pwa/sw.js", context, content_type="application/javascript")


@require_GET
def offline(request):
    """Shown by the service worker when a page is not cached and there is no connection."""
    return render(request, "listings/pwa/offline.html", {"search_url": reverse("listings:gig_list")})
