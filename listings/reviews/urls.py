from django.urls import path

from . import views

urlpatterns = [
    path("lamaran/<int:pk>/ulasan/", views.review_write, name="review_write"),
    path("moderasi/ulasan/", views.review_queue, name="review_queue"),
    path("moderasi/ulasan/<int:pk>/<slug:action>/", views.review_moderate, name="review_moderate"),
]
