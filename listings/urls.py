from django.urls import path

from . import (
    feeds,
    views,
    views_alerts,
    views_applications,
    views_employer,
    views_inbox,
    views_moderation,
    views_safety,
)

app_name = "listings"

urlpatterns = [
    path("", views.home, name="home"),
    path("lowongan/", views.gig_list, name="gig_list"),
    path("lowongan/feed/", feeds.GigSearchFeed(), name="gig_feed"),
    path("lowongan/feed/atom/", feeds.GigSearchAtomFeed(), name="gig_feed_atom"),
    path("lowongan/<int:pk>/<slug:slug>/", views.gig_detail, name="gig_detail"),
    path("notifikasi/", views_inbox.inbox_list, name="inbox"),
    path("notifikasi-lowongan/", views_alerts.alert_list, name="alert_list"),
    path("notifikasi-lowongan/simpan/", views_alerts.alert_create, name="alert_create"),
    path("notifikasi-lowongan/lanjutkan/", views_alerts.alert_resume, name="alert_resume"),
    path("notifikasi-lowongan/profil/", views_alerts.profile_matching, name="alert_profile"),
    path("notifikasi-lowongan/<int:pk>/", views_alerts.alert_update, name="alert_update"),
    path("notifikasi-lowongan/<int:pk>/jeda/", views_alerts.alert_pause, name="alert_pause"),
    path("notifikasi-lowongan/<int:pk>/hapus/", views_alerts.alert_delete, name="alert_delete"),
    path(
        "notifikasi-lowongan/berhenti/<str:token>/", views_alerts.alert_unsubscribe, name="alert_unsubscribe"
    ),
    path("lowongan/<int:pk>/<slug:slug>/lamar/", views_applications.apply, name="apply"),
    path("lamaran/", views_applications.my_applications, name="my_applications"),
    path("lamaran/<int:pk>/", views_applications.application_detail, name="application_detail"),
    path(
        "lamaran/<int:pk>/portofolio.pdf",
        views_applications.application_portfolio,
        name="application_portfolio",
    ),
    path("lamaran/<int:pk>/catatan/", views_applications.application_note, name="application_note"),
    path(
        "lamaran/<int:pk>/<slug:action>/",
        views_applications.application_action,
        name="application_action",
    ),
    path("saya/lowongan/<int:pk>/pelamar/", views_applications.gig_applicants, name="gig_applicants"),
    path(
        "saya/lowongan/<int:pk>/pelamar/tolak/",
        views_applications.gig_applicants_decline,
        name="gig_applicants_decline",
    ),
    path("lowongan/<int:pk>/<slug:slug>/laporkan/", views.gig_report, name="gig_report"),
    path("saya/lowongan/", views_employer.my_gigs, name="my_gigs"),
    path("saya/lowongan/baru/", views_employer.gig_create, name="gig_create"),
    path("saya/lowongan/<int:pk>/ubah/", views_employer.gig_edit, name="gig_edit"),
    path(
        "saya/lowongan/<int:pk>/<slug:action>/",
        views_employer.gig_action,
        name="gig_action",
    ),
    path("moderasi/", views_moderation.moderation_queue, name="moderation_queue"),
    path("moderasi/lowongan/<int:pk>/", views_moderation.moderation_review, name="moderation_review"),
    path(
        "moderasi/lowongan/<int:pk>/<slug:decision>/",
        views_moderation.moderation_decide,
        name="moderation_decide",
    ),
    path("moderasi/laporan/", views_moderation.report_queue, name="report_queue"),
    path("moderasi/laporan/<int:pk>/", views_moderation.report_resolve, name="report_resolve"),
    path("moderasi/akun/<int:pk>/<slug:action>/", views_safety.employer_trust, name="employer_trust"),
]
