from django.urls import path

from . import views

# Included by listings/urls.py: the names live in the `listings` namespace.
urlpatterns = [
    path("saya/statistik/", views.owner_insights, name="owner_insights"),
]
