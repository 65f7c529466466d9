from django.contrib import admin
from django.urls import include, path

from jobboard.ops.health import ReadinessView, liveness

# allauth's rate limits look this up; django-ratelimit uses it through RATELIMIT_VIEW.
handler429 = "listings.ratelimits.ratelimited"
# Indonesian error pages with navigation; a gone gig's 404 offers similar open gigs.
handler404 = "listings.errors.page_not_found"
handler403 = "listings.errors.permission_denied"

urlpatterns = [
    path("healthz/", liveness, name="healthz"),
    path("readyz/", ReadinessView.as_view(), name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("akun/", include("allauth.urls")),
    path("api/v1/", include("listings.api.urls")),
    path("", include("accounts.urls")),
    path("", include("listings.urls")),
]
