from django.urls import path

from . import views

urlpatterns = [
    path("usaha/verifikasi/", views.verification_request, name="verification_request"),
    path("moderasi/verifikasi/", views.verification_queue, name="verification_queue"),
    path("moderasi/verifikasi/<int:pk>/", views.verification_review, name="verification_review"),
    path("moderasi/verifikasi/<int:pk>/<slug:kind>/", views.verification_file, name="verification_file"),
]
