from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("gigs/", views.GigListView.as_view(), name="gig_list"),
    path("gigs/<int:pk>/", views.GigDetailView.as_view(), name="gig_detail"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
]
