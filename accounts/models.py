import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from listings.money import format_rupiah
from listings.schedule import WeeklyWindow, window_summary
from listings.vocabulary import PAY_UNIT, Channel, Duty, Language, PayModel, clean_code_lists, labels_for

from .validators import validate_image_upload, validate_indonesian_mobile, validate_pdf_upload


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("Email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", User.Role.MODERATOR)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A Loker CS account; people log in with their email address."""

    class Role(models.TextChoices):
        EMPLOYER = "employer", _("Pemilik usaha (UMKM)")
        WORKER = "worker", _("Pencari kerja")
        MODERATOR = "moderator", _("Moderator")

    username = None
    email = models.EmailField(_("email"), unique=True)
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices, default=Role.WORKER)
    banned_at = models.DateTimeField(_("diblokir pada"), null=True, blank=True)
    ban_reason = models.TextField(_("alasan blokir"), blank=True)
    # An employer who deleted their account: the row stays (their closed gigs point at it) with
    # every personal detail erased; see accounts/privacy.py.
    deleted_at = models.DateTimeField(_("dihapus pada"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        indexes = [
            # Few rows: the alert fan-out leaves such workers out with a cheap anti-join
            # instead of joining a million alerts to their users.
            models.Index(
                fields=["id"],
                condition=models.Q(is_active=False) | models.Q(banned_at__isnull=False),
                name="user_not_in_good_standing_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_employer(self) -> bool:
        return self.role == self.Role.EMPLOYER

    @property
    def is_worker(self) -> bool:
        return self.role == self.Role.WORKER

    @property
    def is_moderator(self) -> bool:
        """The one test for "moderator": staff access (Django admin and the moderation
        pages). `Role.MODERATOR` is only the label of such an account."""
        return self.is_staff

    @property
    def display_name(self) -> str:
        if self.deleted_at:
            return str(_("Akun yang sudah dihapus"))
        if self.is_employer and hasattr(self, "employer_profile"):
            return self.employer_profile.business_name
        if self.is_worker and hasattr(self, "worker_profile") and self.worker_profile.display_name:
            return self.worker_profile.display_name
        return self.get_full_name() or self.email.split("@")[0]


class BusinessCategory(models.TextChoices):
    FASHION = "fashion", _("Fashion & hijab")
    FOOD = "food", _("Makanan & minuman")
    BEAUTY = "beauty", _("Kecantikan & skincare")
    HEALTH = "health", _("Kesehatan & herbal")
    ELECTRONICS = "electronics", _("Elektronik & gadget")
    HOME = "home", _("Rumah tangga & dekorasi")
    BABY = "baby", _("Ibu & bayi")
    CRAFT = "craft", _("Kerajinan")
    BOOKS = "books", _("Buku & alat tulis")
    TRAVEL = "travel", _("Travel & tiket")
    SERVICES = "services", _("Jasa (laundry, servis, percetakan)")
    EDUCATION = "education", _("Pendidikan & kursus")
    OTHER = "other", _("Lainnya")


class EmployerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_profile"
    )
    business_name = models.CharField(_("nama usaha"), max_length=120)
    category = models.CharField(
        _("kategori usaha"), max_length=20, choices=BusinessCategory.choices, default=BusinessCategory.OTHER
    )
    city = models.CharField(_("kota/kabupaten"), max_length=80)
    province = models.CharField(_("provinsi"), max_length=80, blank=True)
    description = models.TextField(_("deskripsi singkat"), max_length=1000, blank=True)
    whatsapp = PhoneNumberField(
        _("nomor WhatsApp usaha"),
        region="ID",
        blank=True,
        validators=[validate_indonesian_mobile],
        help_text=_("Nomor Indonesia, contoh 0812 3456 7890 atau +62 812 3456 7890."),
    )
    instagram_url = models.URLField(_("link Instagram"), blank=True)
    marketplace_url = models.URLField(
        _("link toko marketplace"), blank=True, help_text=_("Shopee, Tokopedia, TikTok Shop, dll.")
    )
    website_url = models.URLField(_("situs web"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="logos/%Y/%m/", blank=True, validators=[validate_image_upload]
    )
    is_verified = models.BooleanField(_("UMKM terverifikasi"), default=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil usaha")
        verbose_name_plural = _("profil usaha")

    def __str__(self) -> str:
        return self.business_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:employer_public", args=[self.pk])


def portfolio_upload_to(instance: "WorkerProfile", filename: str) -> str:
    """Unguessable names: the file is only linked for the worker and employers they applied to."""
    return f"portfolios/{uuid.uuid4().hex}.pdf"


class WorkerProfile(models.Model):
    """The worker's one-page profile: what they can do, when, for how much.

    Code lists (channels, duties, languages, preferred pay models) hold codes from
    `listings.vocabulary`. The WhatsApp number is private: it is only shown to an employer
    once that employer shortlists the worker (see `listings.contact`).
    """

    PORTFOLIO_LINKS_MAX = 3

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worker_profile"
    )
    display_name = models.CharField(_("nama tampilan"), max_length=80, blank=True)
    headline = models.CharField(
        _("judul singkat"),
        max_length=140,
        blank=True,
        help_text=_("Contoh: Admin olshop berpengalaman Shopee & WhatsApp, fast response."),
    )
    city = models.CharField(_("kota"), max_length=80, blank=True)
    open_to_remote = models.BooleanField(_("bersedia WFH"), default=True)
    channels = models.JSONField(_("channel yang pernah dipakai"), default=list, blank=True)
    duties = models.JSONField(_("tugas yang bisa dikerjakan"), default=list, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("pengalaman (tahun)"), default=0, validators=[MaxValueValidator(50)]
    )
    languages = models.JSONField(_("bahasa"), default=list, blank=True)
    preferred_pay_models = models.JSONField(_("sistem gaji yang diinginkan"), default=list, blank=True)
    expected_pay_min = models.PositiveIntegerField(
        _("gaji minimum yang diharapkan (Rp)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000_000)],
    )
    expected_pay_model = models.CharField(_("per"), max_length=16, choices=PayModel.choices, blank=True)
    portfolio_text = models.TextField(
        _("portofolio singkat"),
        max_length=1500,
        blank=True,
        help_text=_("Ceritakan toko yang pernah Anda bantu dan hasilnya."),
    )
    portfolio_links = models.JSONField(_("link portofolio"), default=list, blank=True)
    portfolio_pdf = models.FileField(
        _("portofolio PDF"),
        upload_to=portfolio_upload_to,
        blank=True,
        validators=[validate_pdf_upload],
        help_text=_("Opsional, PDF maksimal 2 MB."),
    )
    whatsapp = PhoneNumberField(
        _("nomor WhatsApp"),
        region="ID",
        blank=True,
        validators=[validate_indonesian_mobile],
        help_text=_("Rahasia: hanya terlihat oleh pemberi kerja setelah Anda masuk daftar pilihan."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil pekerja")
        verbose_name_plural = _("profil pekerja")

    def __str__(self) -> str:
        return self.display_name or self.user.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:worker_public", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        errors.update(
            clean_code_lists(
                self,
                {
                    "channels": Channel,
                    "duties": Duty,
                    "languages": Language,
                    "preferred_pay_models": PayModel,
                },
            )
        )
        links = self.portfolio_links
        if not isinstance(links, list) or len(links) > self.PORTFOLIO_LINKS_MAX:
            errors["portfolio_links"] = _("Maksimal 3 link.")
        if self.expected_pay_min and not self.expected_pay_model:
            errors["expected_pay_model"] = _("Pilih gaji ini per jam, hari, minggu atau bulan.")
        if errors:
            raise ValidationError(errors)

    def channel_labels(self) -> list[str]:
        return labels_for(Channel, self.channels)

    def duty_labels(self) -> list[str]:
        return labels_for(Duty, self.duties)

    def language_labels(self) -> list[str]:
        return labels_for(Language, self.languages)

    def pay_model_labels(self) -> list[str]:
        return labels_for(PayModel, self.preferred_pay_models)

    def availability_summary(self) -> list[str]:
        return window_summary(self.availability.all())

    @property
    def expected_pay_display(self) -> str:
        if not self.expected_pay_min:
            return ""
        amount = format_rupiah(self.expected_pay_min)
        if self.expected_pay_model:
            return f"{amount} / {PAY_UNIT[PayModel(self.expected_pay_model)]}"
        return amount


class WorkerAvailability(WeeklyWindow):
    """A weekly window when the worker can work."""

    profile = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="availability")

    class Meta(WeeklyWindow.Meta):
        verbose_name = _("waktu luang")
        verbose_name_plural = _("waktu luang")
        constraints = [
            models.CheckConstraint(condition=~models.Q(start=models.F("end")), name="availability_not_empty"),
        ]
