from django.urls import path

from . import views

urlpatterns = [
    path("pekerja/whatsapp/", views.whatsapp_settings, name="whatsapp_settings"),
]
