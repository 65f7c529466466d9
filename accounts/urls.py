from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("masuk/link/", views.login_link_request, name="login_link_request"),
    path("masuk/link/<str:token>/", views.login_link, name="login_link"),
    path("usaha/profil/", views.employer_profile, name="employer_profile"),
    path("usaha/data-saya.json", views.employer_data_export, name="employer_data_export"),
    path("usaha/hapus-akun/", views.employer_account_delete, name="employer_account_delete"),
    path("privasi/", views.privacy_policy, name="privacy"),
    path("syarat/", views.terms, name="terms"),
    path("usaha/<int:pk>/", views.employer_public, name="employer_public"),
    path("usaha/<int:pk>/logo/", views.employer_logo, name="employer_logo"),
    path("pekerja/profil/", views.worker_profile, name="worker_profile"),
    path("pekerja/data-saya.json", views.worker_data_export, name="worker_data_export"),
    path("pekerja/portofolio.pdf", views.worker_portfolio, name="worker_portfolio"),
    path("pekerja/hapus-akun/", views.worker_account_delete, name="worker_account_delete"),
    path("pekerja/<int:pk>/", views.worker_public, name="worker_public"),
]
