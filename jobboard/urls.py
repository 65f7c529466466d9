from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


# allauth's rate limits look this up; django-ratelimit uses it through RATELIMIT_VIEW.
handler429 = "listings.views.ratelimited"
# Indonesian error pages with navigation; a gone gig's 404 offers similar open gigs.
handler404 = "listings.errors.page_not_found"
handler403 = "listings.errors.permission_denied"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("akun/", include("allauth.urls")),
    path("api/v1/", include("listings.api.urls")),
    path("", include("accounts.urls")),
    path("", include("listings.urls")),
]
