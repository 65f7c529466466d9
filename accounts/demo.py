"""Demo data for the quick start (`manage.py seed_demo`). Idempotent: keyed by email and title."""

import io
from datetime import time

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from listings.applications import services as application_services
from listings.gigs import services as gig_services
from listings.models import Application, Gig, Review
from listings.reviews.services import review_submit
from listings.trust import services as safety
from listings.verification.services import verification_request_submit
from listings.vocabulary import GigStatus

from .demo_insights import seed_insight_demo, seed_market_gigs
from .models import EmployerProfile, User, WorkerProfile
from .roles import ensure_moderator_group
from .services import employer_profile_save, worker_profile_save

DEMO_PASSWORD = "lokercs-demo"  # noqa: S105  (public demo logins, printed in README)

MODERATOR = "moderator@lokercs.id"

EMPLOYERS = [
    {
        "email": "owner@hijabberkah.id",
        "business_name": "Hijab Berkah Bandung",
        "category": "fashion",
        "city": "Bandung",
        "province": "Jawa Barat",
        "description": "Toko hijab dan gamis online sejak 2019, jualan di Shopee, TikTok Shop dan Instagram.",
        "whatsapp": "+6281312345678",
        "instagram_url": "https://instagram.com/hijabberkah.bdg",
        "marketplace_url": "https://shopee.co.id/hijabberkah",
        "is_verified": True,
    },
    {
        "email": "dapur@sambalbuyati.id",
        "business_name": "Sambal Bu Yati",
        "category": "food",
        "city": "Surabaya",
        "province": "Jawa Timur",
        "description": "Sambal botol rumahan, kirim ke seluruh Indonesia lewat Tokopedia dan WhatsApp.",
        "whatsapp": "+6285733344455",
        "instagram_url": "https://instagram.com/sambalbuyati",
        "marketplace_url": "https://tokopedia.com/sambalbuyati",
        "is_verified": False,
    },
    {
        "email": "admin@glowskin.id",
        "business_name": "Glow Skin Store",
        "category": "beauty",
        "city": "Jakarta Barat",
        "province": "DKI Jakarta",
        "description": "Reseller resmi skincare lokal BPOM. Ramai di TikTok Shop dan Shopee.",
        "whatsapp": "+6287812345001",
        "instagram_url": "https://instagram.com/glowskin.store",
        "marketplace_url": "https://shop.tiktok.com/glowskin",
        "is_verified": True,
    },
    {
        "email": "cs@laundrykilat.id",
        "business_name": "Laundry Kilat Jogja",
        "category": "services",
        "city": "Yogyakarta",
        "province": "DI Yogyakarta",
        "description": "Laundry kiloan antar-jemput, order lewat WhatsApp.",
        "whatsapp": "+6282223334445",
        "instagram_url": "",
        "marketplace_url": "",
        "is_verified": False,
    },
    {
        "email": "rekrut.kerjaonline@contoh.id",
        "business_name": "Info Kerja Online Shopee",
        "category": "other",
        "city": "Jakarta Pusat",
        "province": "DKI Jakarta",
        "description": "Lowongan kerja online untuk semua kalangan.",
        "whatsapp": "",
        "instagram_url": "",
        "marketplace_url": "",
        "is_verified": False,
    },
]

WORKERS = [
    ("siti@contoh.id", "Siti Rahmawati", "Admin olshop 2 tahun, biasa pegang Shopee & WA", "Bandung"),
    ("dewi@contoh.id", "Dewi Lestari", "Ibu rumah tangga, CS WFH malam hari", "Bekasi"),
    ("rizky@contoh.id", "Rizky Pratama", "Mahasiswa, admin chat part time", "Yogyakarta"),
]

# (employer index, status, fields)
GIGS = [
    (
        0,
        GigStatus.PUBLISHED,
        {
            "title": "Admin Online Olshop Hijab (WFH, Part Time)",
            "description": "Membalas chat pembeli di Shopee dan WhatsApp, input pesanan ke spreadsheet, "
            "konfirmasi pembayaran dari pelanggan dan rekap penjualan harian. Bisa dari rumah.",
            "requirements": "Punya HP Android dan kuota, fast respon, sopan.",
            "pay_model": "daily",
            "pay_min": 75_000,
            "pay_max": 100_000,
            "work_mode": "remote",
            "city": "",
            "hours_per_week": 20,
            "schedule": ["part_time", "flexible"],
            "channels": ["shopee", "whatsapp"],
            "duties": ["customer_chat", "order_processing", "payment_confirmation", "sales_report"],
            "trial_days": 3,
            "trial_pay": 50_000,
            "windows": [(d, time(9), time(13)) for d in range(0, 5)],
        },
    ),
    (
        1,
        GigStatus.PENDING,
        {
            "title": "Admin TikTok Shop Live Malam",
            "description": "Menjawab chat dan komentar saat live TikTok Shop Sambal Bu Yati, "
            "mencatat pesanan, update stok.",
            "pay_model": "hourly",
            "pay_min": 20_000,
            "work_mode": "remote",
            "city": "",
            "hours_per_week": 12,
            "schedule": ["night", "part_time"],
            "channels": ["tiktok_shop"],
            "duties": ["customer_chat", "stock_update"],
            "windows": [(d, time(19), time(23)) for d in (0, 2, 4)],
        },
    ),
    (
        4,
        GigStatus.PENDING,
        {
            "title": "ADMIN ONLINE TANPA PENGALAMAN!!! GAJI 500RB/HARI",
            "description": "Kerja santai dari HP, cukup like dan subscribe produk, dibayar per tugas. "
            "Wajib deposit Rp 100.000 untuk aktivasi akun member, langsung diterima tanpa interview. "
            "Hubungi admin via Telegram @kerjaonline_cepat.",
            "pay_model": "daily",
            "pay_min": 500_000,
            "work_mode": "remote",
            "city": "",
            "channels": ["whatsapp"],
            "duties": ["customer_chat"],
        },
    ),
    (
        0,
        GigStatus.DRAFT,
        {
            "title": "Admin Packing Gudang Hijab",
            "description": "Packing pesanan harian dan update stok di gudang kami di Bandung.",
            "pay_model": "weekly",
            "pay_min": 450_000,
            "work_mode": "onsite",
            "city": "Bandung",
            "hours_per_week": 30,
            "schedule": ["part_time"],
            "channels": ["shopee"],
            "duties": ["packing", "stock_update"],
        },
    ),
    (
        1,
        GigStatus.PUBLISHED,
        {
            "title": "CS WhatsApp Sambal — Komisi per Pesanan",
            "description": "Melayani pertanyaan pembeli sambal lewat WhatsApp dan Tokopedia sampai closing. "
            "Komisi dari setiap pesanan yang kamu closing.",
            "pay_model": "commission",
            "pay_min": 500_000,
            "commission_description": "Rp 3.000 per botol terjual",
            "work_mode": "remote",
            "city": "",
            "schedule": ["flexible"],
            "channels": ["whatsapp", "tokopedia"],
            "duties": ["customer_chat", "sales_closing"],
        },
    ),
    (
        1,
        GigStatus.REJECTED,
        {
            "title": "Admin Sambal Harian",
            "description": "Admin.",
            "pay_model": "daily",
            "pay_min": 60_000,
            "work_mode": "onsite",
            "city": "Surabaya",
            "channels": ["whatsapp"],
            "duties": ["customer_chat"],
        },
    ),
    (
        1,
        GigStatus.EXPIRED,
        {
            "title": "Admin Order Lebaran (Musiman)",
            "description": "Bantu proses pesanan hampers Lebaran: balas chat, catat pesanan, "
            "konfirmasi transfer pelanggan.",
            "pay_model": "per_project",
            "pay_min": 1_500_000,
            "work_mode": "hybrid",
            "city": "Surabaya",
            "channels": ["whatsapp", "instagram"],
            "duties": ["order_processing", "payment_confirmation"],
        },
    ),
    (
        2,
        GigStatus.PUBLISHED,
        {
            "title": "Customer Service Skincare Shift Pagi",
            "description": "Menangani komplain dan pertanyaan produk skincare di Shopee, TikTok Shop "
            "dan Instagram. "
            "Mengelola ulasan pembeli. Training produk disediakan.",
            "pay_model": "monthly",
            "pay_min": 3_000_000,
            "pay_max": 3_800_000,
            "work_mode": "hybrid",
            "city": "Jakarta Barat",
            "hours_per_week": 40,
            "schedule": ["full_time", "shift"],
            "channels": ["shopee", "tiktok_shop", "instagram"],
            "duties": ["customer_chat", "complaint_handling", "review_management"],
            "windows": [(d, time(8), time(16)) for d in range(0, 6)],
        },
    ),
    (
        2,
        GigStatus.CLOSED,
        {
            "title": "Admin Konten Instagram Skincare",
            "description": "Membuat konten feed dan story, membalas DM Instagram.",
            "pay_model": "monthly",
            "pay_min": 2_000_000,
            "work_mode": "remote",
            "city": "",
            "channels": ["instagram"],
            "duties": ["content_creation", "social_media"],
        },
    ),
    (
        2,
        GigStatus.SUSPENDED,
        {
            "title": "Admin Chat Weekend Skincare",
            "description": "Jaga chat Shopee hari Sabtu dan Minggu.",
            "pay_model": "daily",
            "pay_min": 90_000,
            "work_mode": "remote",
            "city": "",
            "schedule": ["weekend"],
            "channels": ["shopee"],
            "duties": ["customer_chat"],
        },
    ),
    (
        3,
        GigStatus.PUBLISHED,
        {
            "title": "Admin WA Laundry Malam (Dari Rumah)",
            "description": "Menerima order antar-jemput lewat WhatsApp, jadwalkan kurir, "
            "konfirmasi pembayaran pelanggan.",
            "pay_model": "monthly",
            "pay_min": 1_500_000,
            "work_mode": "remote",
            "city": "",
            "hours_per_week": 18,
            "schedule": ["night", "part_time"],
            "channels": ["whatsapp"],
            "duties": ["customer_chat", "order_processing", "payment_confirmation"],
            "windows": [(d, time(18), time(21)) for d in range(0, 6)],
        },
    ),
]


def _user(email: str, role: str, **extra) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"role": role, **extra})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


# How each demo status is reached through the services, from a fresh draft.
def _walk_to(gig: Gig, status: str, *, moderator: User) -> Gig:
    owner = gig.employer
    if status == GigStatus.DRAFT:
        return gig
    gig = gig_services.gig_submit(gig=gig, by=owner)
    if status == GigStatus.PENDING:
        return gig
    if status == GigStatus.REJECTED:
        return gig_services.gig_reject(
            gig=gig,
            by=moderator,
            code="duties_unclear",
            reason="Deskripsi belum menyebut jam kerja.",
            notify=False,
        )
    return gig_services.gig_approve(gig=gig, by=moderator, note="seed_demo")


def _finish(gig: Gig, status: str, *, moderator: User) -> Gig:
    """Statuses past "published" are reached once the demo workers have applied."""
    if status == GigStatus.CLOSED:
        return gig_services.gig_close(gig=gig, by=gig.employer)
    if status == GigStatus.EXPIRED:
        return gig_services.gig_expire(gig=gig)
    if status == GigStatus.SUSPENDED:
        return gig_services.gig_suspend(gig=gig, by=moderator, reason="Diperiksa moderator.", notify=False)
    return gig


def _demo_gig(employer: User, status: str, fields: dict, *, moderator: User) -> Gig | None:
    """Create the demo gig once (keyed by owner and title) and walk it to `status`."""
    fields = dict(fields)
    windows = [{"day": d, "start": s, "end": e} for d, s, e in fields.pop("windows", [])]
    if Gig.objects.filter(employer=employer, title=fields["title"]).exists():
        return None
    gig = gig_services.gig_create(employer=employer, data=fields, time_windows=windows)
    return _walk_to(gig, status, moderator=moderator)


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    moderator = _user(MODERATOR, User.Role.MODERATOR, is_staff=True, first_name="Moderator")
    # Django admin rights come from the group (migration listings 0012), not from superuser.
    moderator.groups.add(ensure_moderator_group(Group, Permission))
    employers = []
    for data in EMPLOYERS:
        data = dict(data)
        user = _user(data.pop("email"), User.Role.EMPLOYER)
        verified = data.pop("is_verified")
        profile = EmployerProfile.objects.filter(user=user).first() or EmployerProfile()
        for name, value in data.items():
            setattr(profile, name, value)
        profile = employer_profile_save(user=user, profile=profile)
        if verified and not profile.is_verified:
            safety.employer_verify(profile=profile, by=moderator, note="seed_demo")
        employers.append(user)
    for email, name, headline, city in WORKERS:
        user = _user(email, User.Role.WORKER)
        profile = WorkerProfile.objects.filter(user=user).first() or WorkerProfile(user=user)
        profile.display_name, profile.headline, profile.city = name, headline, city
        worker_profile_save(profile=profile)

    def market_gig(employer: User, status: str, fields: dict) -> Gig | None:
        gig = _demo_gig(employer, status, fields, moderator=moderator)
        return gig and _finish(gig, status, moderator=moderator)

    market = seed_market_gigs(employers, make_gig=market_gig)
    created = []
    for index, status, fields in GIGS:
        gig = _demo_gig(employers[index], status, fields, moderator=moderator)
        if gig is not None:
            created.append((gig, status))
    seed_worker_demo(employers[0], moderator=moderator)
    for gig, status in created:
        _finish(gig, status, moderator=moderator)
    seed_reviews_demo()
    seed_verification_demo(moderator)
    insights = seed_insight_demo(employers)
    return {
        "gigs_created": len(created),
        "market_gigs_created": market,
        "gigs_total": Gig.objects.count(),
        **insights,
    }


# --- workers: full profiles, applications in several stages, a hired job ------------------

WORKER_DETAILS = {
    "siti@contoh.id": {
        "whatsapp": "+6285712340001",
        "channels": ["shopee", "whatsapp", "instagram"],
        "duties": ["customer_chat", "order_processing", "payment_confirmation", "sales_report"],
        "years_experience": 2,
        "languages": ["id", "su"],
        "preferred_pay_models": ["daily", "monthly"],
        "expected_pay_min": 70_000,
        "expected_pay_model": "daily",
        "portfolio_text": "Dua tahun pegang chat Shopee toko hijab, rating toko naik dari 4,7 ke 4,9.",
        "portfolio_links": ["https://shopee.co.id/hijabberkah"],
        "availability": [(d, time(8), time(16)) for d in range(0, 6)]
        + [(d, time(18), time(22)) for d in range(0, 6)],
    },
    "dewi@contoh.id": {
        "whatsapp": "+6281298760002",
        "channels": ["whatsapp", "tokopedia"],
        "duties": ["customer_chat", "complaint_handling"],
        "years_experience": 1,
        "languages": ["id", "jv"],
        "preferred_pay_models": ["monthly", "commission"],
        "expected_pay_min": 1_500_000,
        "expected_pay_model": "monthly",
        "availability": [(d, time(19), time(23)) for d in range(0, 7)],
    },
    "rizky@contoh.id": {
        "whatsapp": "+6287865430003",
        "channels": ["tiktok_shop", "shopee", "instagram"],
        "duties": ["customer_chat", "content_creation", "social_media"],
        "years_experience": 1,
        "languages": ["id", "en", "jv"],
        "preferred_pay_models": ["hourly", "daily"],
        "expected_pay_min": 15_000,
        "expected_pay_model": "hourly",
        "availability": [(d, time(13), time(17)) for d in range(0, 5)] + [(5, time(20), time(1))],
    },
}

# A published evening gig whose hours clash with Siti's hired laundry job (overlap warning).
EVENING_GIG = {
    "title": "Admin Chat Malam Hijab Berkah (WFH)",
    "description": "Membalas chat Shopee dan Instagram di jam ramai malam, input pesanan dan "
    "konfirmasi pembayaran. Kerja dari rumah.",
    "pay_model": "daily",
    "pay_min": 60_000,
    "work_mode": "remote",
    "city": "",
    "hours_per_week": 15,
    "schedule": ["night", "part_time"],
    "channels": ["shopee", "instagram"],
    "duties": ["customer_chat", "order_processing", "payment_confirmation"],
    "screening_question": "Jam berapa saja Anda bisa online di malam hari?",
    "windows": [(d, time(19), time(22)) for d in range(0, 5)],
}

# (worker email, gig title, status, message)
APPLICATIONS = [
    (
        "siti@contoh.id",
        "Admin WA Laundry Malam (Dari Rumah)",
        "hired",
        "Saya biasa pegang WA toko sampai malam.",
    ),
    (
        "dewi@contoh.id",
        "Admin WA Laundry Malam (Dari Rumah)",
        "hired",
        "Saya bisa gantian shift malam dengan admin lain.",
    ),
    (
        "dewi@contoh.id",
        "Admin Online Olshop Hijab (WFH, Part Time)",
        "sent",
        "Saya ibu rumah tangga, siap fast respon.",
    ),
    (
        "rizky@contoh.id",
        "Admin Online Olshop Hijab (WFH, Part Time)",
        "shortlisted",
        "Mahasiswa, pernah jadi admin Shopee.",
    ),
    (
        "dewi@contoh.id",
        "CS WhatsApp Sambal — Komisi per Pesanan",
        "viewed",
        "Saya suka jualan, siap closing.",
    ),
    ("rizky@contoh.id", "Admin Konten Instagram Skincare", "declined", "Saya bisa bikin konten reels."),
    # A trial offer waiting for Rizky's answer (log in as rizky@contoh.id to accept or decline).
    (
        "rizky@contoh.id",
        "CS WhatsApp Sambal — Komisi per Pesanan",
        "trial_offered",
        "Saya terbiasa closing lewat WhatsApp.",
    ),
]

STEP = {
    "viewed": application_services.application_view,
    "shortlisted": application_services.application_shortlist,
    "declined": application_services.application_decline,
    "hired": application_services.application_hire,
    "trial_offered": lambda application, by: application_services.application_offer_trial(
        application=application, by=by, days=3, pay=50_000, pay_basis="per_day"
    ),
}
_PATH = {
    "sent": ["sent"],
    "viewed": ["sent", "viewed"],
    "shortlisted": ["sent", "viewed", "shortlisted"],
    "declined": ["sent", "viewed", "declined"],
    "hired": ["sent", "viewed", "shortlisted", "hired"],
    "trial_offered": ["sent", "viewed", "shortlisted", "trial_offered"],
}


def seed_worker_demo(employer: User, *, moderator: User) -> int:
    """Fill the demo workers' profiles and put applications in several stages; idempotent.

    Siti (siti@contoh.id) is hired at the laundry's evening job and has not applied anywhere
    else yet, so on the quick start she can apply to the skincare gig (the skincare owner then
    shortlists her and both see a WhatsApp link) and sees the overlap warning on the evening
    hijab gig. Returns how many applications were created.
    """
    for email, details in WORKER_DETAILS.items():
        details = dict(details)
        windows = details.pop("availability")
        profile = WorkerProfile.objects.get(user__email=email)
        for name, value in details.items():
            setattr(profile, name, value)
        availability = None
        if not profile.availability.exists():
            availability = [{"day": d, "start": s, "end": e} for d, s, e in windows]
        worker_profile_save(profile=profile, availability=availability)
    _demo_gig(employer, GigStatus.PUBLISHED, EVENING_GIG, moderator=moderator)
    made = 0
    for email, title, status, message in APPLICATIONS:
        worker = User.objects.get(email=email)
        gig = Gig.objects.filter(title=title).first()
        if gig is None or Application.objects.filter(gig=gig, worker=worker).exists():
            continue
        application = application_services.application_submit(gig=gig, worker=worker, message=message)
        for step in _PATH[status][1:]:
            application = STEP[step](application=application, by=gig.employer)
        made += 1
    return made


# --- reviews and a verification request (issue 16) --------------------------------------

# (worker email, gig title, who writes: "worker" / "employer", rating, tags, comment)
REVIEWS = [
    (
        "dewi@contoh.id",
        "Admin WA Laundry Malam (Dari Rumah)",
        "worker",
        5,
        ["pays_on_time", "clear_instructions"],
        "Gaji dibayar tiap Sabtu tanpa telat, SOP balas chat jelas.",
    ),
    (
        "dewi@contoh.id",
        "Admin WA Laundry Malam (Dari Rumah)",
        "employer",
        5,
        ["responsive", "thorough"],
        "Fast respon, catatan order rapi.",
    ),
    # Siti has written hers; the laundry owner has not yet, so on the quick start the owner
    # sees "Tulis ulasan" and Siti's review stays private until then (or 14 days).
    (
        "siti@contoh.id",
        "Admin WA Laundry Malam (Dari Rumah)",
        "worker",
        4,
        ["pays_on_time", "responsive"],
        "Owner cepat balas kalau ada komplain pelanggan.",
    ),
]


def seed_reviews_demo() -> int:
    """Reviews through the one door (`review_submit`); skipped when already written."""
    made = 0
    for email, title, side, rating, tags, comment in REVIEWS:
        application = Application.objects.filter(worker__email=email, gig__title=title).first()
        if application is None:
            continue
        author = application.worker if side == "worker" else application.gig.employer
        if Review.objects.filter(application=application, author=author).exists():
            continue
        review_submit(application=application, by=author, rating=rating, tags=tags, comment=comment)
        made += 1
    return made


def _demo_image(text: str, name: str) -> ContentFile:
    """A plainly fake picture for demo evidence (never a real document)."""
    image = Image.new("RGB", (480, 300), (236, 242, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, 471, 291), outline=(30, 64, 120), width=4)
    draw.text((24, 130), text, fill=(30, 64, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def seed_verification_demo(moderator: User) -> int:
    """One pending request (the sambal kitchen) for the moderators' queue; idempotent."""
    profile = EmployerProfile.objects.filter(user__email="dapur@sambalbuyati.id").first()
    if profile is None or profile.is_verified or profile.verification_requests.exists():
        return 0
    verification_request_submit(
        profile=profile,
        by=profile.user,
        nib="9120003456789",
        marketplace_url="https://tokopedia.com/sambalbuyati",
        instagram_url="https://instagram.com/sambalbuyati",
        shop_photo=_demo_image("DEMO - foto dapur Sambal Bu Yati", "dapur.png"),
        ktp=_demo_image("CONTOH KTP - DATA DEMO, BUKAN ASLI", "ktp.png"),
        note="Dapur di rumah, kirim lewat Shopee dan WA.",
    )
    return 1
