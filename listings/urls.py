from django.urls import include, path

from listings import pagecache
from listings.alerts import views as alerts
from listings.applications import views as applications
from listings.gigs import views as gigs
from listings.messaging import views as messaging
from listings.reviews.urls import urlpatterns as review_urls
from listings.search import feeds
from listings.search import views as search
from listings.trust import views as trust
from listings.verification.urls import urlpatterns as verification_urls
from listings.whatsapp.urls import urlpatterns as whatsapp_urls

app_name = "listings"

urlpatterns = [
    # Before "lamaran/<pk>/<action>/" and "moderasi/...": more specific paths first.
    *review_urls,
    *verification_urls,
    *whatsapp_urls,
    path("", search.home, name="home"),
    path("lowongan/", search.gig_list, name="gig_list"),
    path("lowongan/feed/", pagecache.anonymous()(feeds.GigSearchFeed()), name="gig_feed"),
    path("lowongan/feed/atom/", pagecache.anonymous()(feeds.GigSearchAtomFeed()), name="gig_feed_atom"),
    path("lowongan/<int:pk>/<slug:slug>/", gigs.gig_detail, name="gig_detail"),
    path("notifikasi/", messaging.inbox_list, name="inbox"),
    path("notifikasi-lowongan/", alerts.alert_list, name="alert_list"),
    path("notifikasi-lowongan/simpan/", alerts.alert_create, name="alert_create"),
    path("notifikasi-lowongan/lanjutkan/", alerts.alert_resume, name="alert_resume"),
    path("notifikasi-lowongan/profil/", alerts.profile_matching, name="alert_profile"),
    path("notifikasi-lowongan/<int:pk>/", alerts.alert_update, name="alert_update"),
    path("notifikasi-lowongan/<int:pk>/jeda/", alerts.alert_pause, name="alert_pause"),
    path("notifikasi-lowongan/<int:pk>/hapus/", alerts.alert_delete, name="alert_delete"),
    path("notifikasi-lowongan/berhenti/<str:token>/", alerts.alert_unsubscribe, name="alert_unsubscribe"),
    path("lowongan/<int:pk>/<slug:slug>/lamar/", applications.apply, name="apply"),
    path("lamaran/", applications.my_applications, name="my_applications"),
    path("lamaran/<int:pk>/", applications.application_detail, name="application_detail"),
    path(
        "lamaran/<int:pk>/portofolio.pdf",
        applications.application_portfolio,
        name="application_portfolio",
    ),
    path("lamaran/<int:pk>/catatan/", applications.application_note, name="application_note"),
    path(
        "lamaran/<int:pk>/<slug:action>/",
        applications.application_action,
        name="application_action",
    ),
    path("saya/lowongan/<int:pk>/pelamar/", applications.gig_applicants, name="gig_applicants"),
    path(
        "saya/lowongan/<int:pk>/pelamar/tolak/",
        applications.gig_applicants_decline,
        name="gig_applicants_decline",
    ),
    path("lowongan/<int:pk>/<slug:slug>/laporkan/", trust.gig_report, name="gig_report"),
    path("saya/lowongan/", gigs.my_gigs, name="my_gigs"),
    path("saya/lowongan/baru/", gigs.gig_create, name="gig_create"),
    path("saya/lowongan/<int:pk>/ubah/", gigs.gig_edit, name="gig_edit"),
    path(
        "saya/lowongan/<int:pk>/<slug:action>/",
        gigs.gig_action,
        name="gig_action",
    ),
    path("moderasi/", trust.moderation_queue, name="moderation_queue"),
    path("moderasi/lowongan/<int:pk>/", trust.moderation_review, name="moderation_review"),
    path(
        "moderasi/lowongan/<int:pk>/<slug:decision>/",
        trust.moderation_decide,
        name="moderation_decide",
    ),
    path("moderasi/laporan/", trust.report_queue, name="report_queue"),
    path("moderasi/laporan/<int:pk>/", trust.report_resolve, name="report_resolve"),
    path("moderasi/akun/<int:pk>/<slug:action>/", trust.employer_trust, name="employer_trust"),
    path("", include("listings.insights.urls")),
    path("", include("listings.traffic.urls")),
    path("", include("listings.discovery.urls")),
    path("", include("listings.pwa.urls")),
]
