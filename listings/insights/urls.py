from django.urls import path

from . import views

# Included by listings/urls.py: the names live in the `listings` namespace.
urlpatterns = [
    path("gaji/", views.pay_insights, name="pay_insights"),
]
