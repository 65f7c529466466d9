from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("usaha/profil/", views.employer_profile, name="employer_profile"),
    path("usaha/<int:pk>/", views.employer_public, name="employer_public"),
]
