from django.urls import path

from . import views

# Included by listings/urls.py: the names live in the `listings` namespace.
urlpatterns = [
    path("lowongan/<int:pk>/<slug:slug>/gambar.png", views.gig_preview_image, name="gig_preview_image"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
