from django.urls import path

from . import feeds, views

app_name = "listings"

urlpatterns = [
    path("", views.home, name="home"),
    path("lowongan/", views.gig_list, name="gig_list"),
    path("lowongan/feed/", feeds.GigSearchFeed(), name="gig_feed"),
    path("lowongan/feed/atom/", feeds.GigSearchAtomFeed(), name="gig_feed_atom"),
    path("lowongan/<int:pk>/<slug:slug>/", views.gig_detail, name="gig_detail"),
]
