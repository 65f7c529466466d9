from django.urls import path

from . import views, views_alerts, views_applications, views_inbox

app_name = "listings"

urlpatterns = [
    path("", views.home, name="home"),
    path("lowongan/", views.gig_list, name="gig_list"),
    path("lowongan/<int:pk>/<slug:slug>/", views.gig_detail, name="gig_detail"),
    path("notifikasi/", views_inbox.inbox_list, name="inbox"),
    path("notifikasi-lowongan/", views_alerts.alert_list, name="alert_list"),
    path("notifikasi-lowongan/simpan/", views_alerts.alert_create, name="alert_create"),
    path("notifikasi-lowongan/profil/", views_alerts.profile_matching, name="alert_profile"),
    path("notifikasi-lowongan/<int:pk>/", views_alerts.alert_update, name="alert_update"),
    path("notifikasi-lowongan/<int:pk>/jeda/", views_alerts.alert_pause, name="alert_pause"),
    path("notifikasi-lowongan/<int:pk>/hapus/", views_alerts.alert_delete, name="alert_delete"),
    path(
        "notifikasi-lowongan/berhenti/<str:token>/", views_alerts.alert_unsubscribe, name="alert_unsubscribe"
    ),
    path("lowongan/<int:pk>/lamar/", views_applications.apply, name="apply"),
    path("lamaran/", views_applications.my_applications, name="my_applications"),
    path("lamaran/<int:pk>/", views_applications.application_detail, name="application_detail"),
    path("lamaran/<int:pk>/catatan/", views_applications.application_note, name="application_note"),
    path(
        "lamaran/<int:pk>/<slug:action>/",
        views_applications.application_action,
        name="application_action",
    ),
    path("lowongan-saya/<int:pk>/pelamar/", views_applications.gig_applicants, name="gig_applicants"),
    path(
        "lowongan-saya/<int:pk>/pelamar/tolak/",
        views_applications.gig_applicants_decline,
        name="gig_applicants_decline",
    ),
]
