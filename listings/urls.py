from django.urls import path

from . import views, views_inbox

app_name = "listings"

urlpatterns = [
    path("", views.home, name="home"),
    path("lowongan/", views.gig_list, name="gig_list"),
    path("lowongan/<int:pk>/<slug:slug>/", views.gig_detail, name="gig_detail"),
    path("notifikasi/", views_inbox.inbox_list, name="inbox"),
]
