from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .validators import validate_image_upload, validate_indonesian_mobile


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

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

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
        return self.is_staff

    @property
    def display_name(self) -> str:
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


class WorkerProfile(models.Model):
    """The worker's one-page profile. Issue #4 fills in the remaining sections."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worker_profile"
    )
    display_name = models.CharField(_("nama tampilan"), max_length=80, blank=True)
    headline = models.CharField(_("judul singkat"), max_length=140, blank=True)
    city = models.CharField(_("kota"), max_length=80, blank=True)
    open_to_remote = models.BooleanField(_("bersedia WFH"), default=True)
    whatsapp = PhoneNumberField(
        _("nomor WhatsApp"), region="ID", blank=True, validators=[validate_indonesian_mobile]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil pekerja")
        verbose_name_plural = _("profil pekerja")

    def __str__(self) -> str:
        return self.display_name or self.user.email
