"""The main pages, each as (name, who looks at it, URL), shared by the page-weight budget and
the accessibility checks, and an HTML parser that lists what a page makes the browser load."""

import io
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from listings.insights.services import pay_insights_refresh
from listings.reviews.services import review_submit
from listings.traffic.services import gig_impressions_record, gig_traffic_flush
from listings.verification.services import verification_request_submit
from tests import factories


def build_main_pages() -> tuple[list[tuple[str, str, str]], dict, set[str]]:
    """Realistic data (a full first page of long published gigs from a business with links, one
    user per role); returns the pages as (name, role, url), the users by role, and the links
    users typed in (the only off-site URLs a page may carry)."""
    employer = factories.EmployerFactory()
    profile = employer.employer_profile
    profile.instagram_url = "https://instagram.com/tokoberkah"
    profile.marketplace_url = "https://shopee.co.id/tokoberkah"
    profile.description = "Toko hijab online sejak 2019. " * 10
    profile.save()
    gigs = [
        factories.PublishedGigFactory(
            employer=employer,
            description="Membalas chat pembeli di WhatsApp dan Shopee, input pesanan, rekap harian. " * 8,
            requirements="Punya HP Android dan kuota sendiri. Teliti dan ramah.",
            schedule=["part_time", "weekend"],
            channels=["whatsapp", "shopee", "instagram", "tokopedia"],
            duties=["customer_chat", "order_processing", "payment_confirmation", "complaint_handling"],
        )
        for _ in range(22)
    ]
    for _ in range(3):
        factories.PendingGigFactory(employer=employer)
    gig = gigs[0]
    users = {
        "anonymous": None,
        "employer": employer,
        "worker": factories.WorkerFactory(),
        "moderator": factories.ModeratorFactory(),
    }
    application = factories.ApplicationFactory(gig=gig, worker=users["worker"], status="shortlisted")
    for _ in range(5):
        factories.ApplicationFactory(gig=gig)
    factories.AlertFactory(worker=users["worker"], q="cs wfh", work_mode="remote")
    reviews = _reviews_and_verification(employer, gigs, users)
    for city, pay in (("Bandung", 70_000), ("Surabaya", 90_000), ("Medan", 60_000)):
        for step in range(5):
            factories.PublishedGigFactory(work_mode="onsite", city=city, pay_min=pay + step * 5_000)
    pay_insights_refresh()  # cards carry the "Gaji wajar?" note, /gaji/ has every section
    gig_impressions_record(gigs=gigs)
    gig_traffic_flush()
    pages = [
        ("home", "anonymous", reverse("listings:home")),
        ("search", "anonymous", reverse("listings:gig_list") + "?q=cs+wfh"),
        ("search, all gigs", "anonymous", reverse("listings:gig_list")),
        ("gig detail", "anonymous", gig.get_absolute_url()),
        ("employer page", "anonymous", profile.get_absolute_url()),
        ("login", "anonymous", reverse("account_login")),
        ("signup", "anonymous", reverse("account_signup")),
        ("password reset", "anonymous", reverse("account_reset_password")),
        ("report form", "worker", reverse("listings:gig_report", args=[gig.pk, gig.slug])),
        ("business profile form", "employer", reverse("accounts:employer_profile")),
        ("gig form", "employer", reverse("listings:gig_create")),
        ("my gigs", "employer", reverse("listings:my_gigs")),
        ("moderation queue", "moderator", reverse("listings:moderation_queue")),
        ("moderation review", "moderator", reverse("listings:moderation_review", args=[gig.pk])),
        ("report queue", "moderator", reverse("listings:report_queue")),
        ("worker profile form", "worker", reverse("accounts:worker_profile")),
        ("worker public profile", "anonymous", users["worker"].worker_profile.get_absolute_url()),
        ("my applications", "worker", reverse("listings:my_applications")),
        ("application (worker)", "worker", application.get_absolute_url()),
        ("application (owner)", "employer", application.get_absolute_url()),
        ("applicants", "employer", reverse("listings:gig_applicants", args=[gig.pk])),
        ("apply form", "worker", reverse("listings:apply", args=[gigs[1].pk, gigs[1].slug])),
        ("inbox", "worker", reverse("listings:inbox")),
        ("job alerts", "worker", reverse("listings:alert_list")),
        ("review form", "worker", reverse("listings:review_write", args=[reviews["to_write"].pk])),
        ("review moderation", "moderator", reverse("listings:review_queue")),
        ("verification request", "employer", reverse("listings:verification_request")),
        ("verification queue", "moderator", reverse("listings:verification_queue")),
        (
            "verification review",
            "moderator",
            reverse("listings:verification_review", args=[reviews["verification"].pk]),
        ),
        ("whatsapp settings", "worker", reverse("listings:whatsapp_settings")),
        ("pay insights", "anonymous", reverse("listings:pay_insights")),
        ("owner insights", "employer", reverse("listings:owner_insights")),
        ("employer account delete", "employer", reverse("accounts:employer_account_delete")),
        ("privacy policy", "anonymous", reverse("accounts:privacy")),
        ("terms", "anonymous", reverse("accounts:terms")),
        ("offline", "anonymous", reverse("listings:offline")),
    ]
    evidence = reviews["verification"]
    links = {profile.instagram_url, profile.marketplace_url, evidence.instagram_url, evidence.marketplace_url}
    return pages, users, links


def _reviews_and_verification(employer, gigs, users) -> dict:
    """Reviews on the employer page (five finished hires), a hire the worker can still review,
    and another business's pending verification request with its evidence."""
    for gig in gigs[2:7]:
        hired = factories.ApplicationFactory(gig=gig, status="hired")
        review_submit(
            application=hired,
            by=hired.worker,
            rating=5,
            tags=["pays_on_time", "clear_instructions", "responsive"],
            comment="Gaji dibayar tepat waktu tiap minggu, instruksi jelas dan owner ramah. " * 3,
        )
        review_submit(
            application=hired, by=employer, rating=4, tags=["thorough"], comment="Teliti dan cepat."
        )
    to_write = factories.ApplicationFactory(gig=gigs[8], worker=users["worker"], status="hired")
    other = factories.EmployerFactory()
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 90, 40)).save(photo, format="PNG")
    verification = verification_request_submit(
        profile=other.employer_profile,
        by=other,
        nib="9120001234567",
        marketplace_url="https://shopee.co.id/tokolain",
        instagram_url="https://instagram.com/tokolain",
        shop_photo=SimpleUploadedFile("toko.png", photo.getvalue(), content_type="image/png"),
        ktp=SimpleUploadedFile("ktp.png", photo.getvalue(), content_type="image/png"),
    )
    return {"to_write": to_write, "verification": verification}


class ResourceParser(HTMLParser):
    """Collects every URL-bearing attribute and inline script/style, with the tag it sits on."""

    URL_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data", "formaction"}

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.inline_scripts: list[dict] = []
        self.style_attributes: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name in self.URL_ATTRIBUTES and value:
                self.urls.append((tag, name, value))
            if name == "style":
                self.style_attributes.append(tag)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.stylesheets.append(attrs["href"])
        if tag == "script":
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
            else:
                self.inline_scripts.append(attrs)
