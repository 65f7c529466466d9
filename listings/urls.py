from django.urls import path

from . import views

app_name = "listings"

urlpatterns = [
    path("", views.home, name="home"),
    path("lowongan/", views.gig_list, name="gig_list"),
    path("lowongan/<int:pk>/<slug:slug>/", views.gig_detail, name="gig_detail"),
]
