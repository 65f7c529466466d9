"""factory_boy factories; one per gig status, as in python.org's jobs app."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import EmployerProfile, User, WorkerProfile
from listings.alerts.services import alert_save
from listings.models import Gig
from listings.vocabulary import GigStatus

PASSWORD = "kata-sandi-rahasia-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@contoh.id")
    role = User.Role.WORKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Mark the email verified so allauth lets the user log in."""
        if create:
            from allauth.account.models import EmailAddress

            obj.save()
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, verified=True, primary=True)


class EmployerFactory(UserFactory):
    role = User.Role.EMPLOYER
    profile = factory.RelatedFactory("tests.factories.EmployerProfileFactory", factory_related_name="user")


class EmployerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployerProfile

    user = factory.SubFactory(UserFactory, role=User.Role.EMPLOYER)
    business_name = factory.Sequence(lambda n: f"Toko Berkah {n}")
    category = "fashion"
    city = "Bandung"
    province = "Jawa Barat"
    whatsapp = "+6281234567890"


class WorkerFactory(UserFactory):
    role = User.Role.WORKER
    profile = factory.RelatedFactory("tests.factories.WorkerProfileFactory", factory_related_name="user")


class WorkerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkerProfile

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Siti {n}")
    city = "Bandung"
    whatsapp = "+6285712345678"


class ModeratorFactory(UserFactory):
    role = User.Role.MODERATOR
    is_staff = True


class DraftGigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gig

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Admin Online Olshop Hijab {n}")
    description = "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan, rekap harian."
    pay_model = "daily"
    pay_min = 75_000
    work_mode = "remote"
    city = ""
    hours_per_week = 20
    schedule = factory.LazyFunction(lambda: ["part_time"])
    channels = factory.LazyFunction(lambda: ["whatsapp", "shopee"])
    duties = factory.LazyFunction(lambda: ["customer_chat", "order_processing"])
    status = GigStatus.DRAFT


class PendingGigFactory(DraftGigFactory):
    status = GigStatus.PENDING
    submitted_at = factory.LazyFunction(timezone.now)


class PublishedGigFactory(DraftGigFactory):
    status = GigStatus.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)


class ExpiredGigFactory(PublishedGigFactory):
    status = GigStatus.EXPIRED
    expires_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class RejectedGigFactory(PendingGigFactory):
    status = GigStatus.REJECTED
    rejection_reason = "Gaji tidak jelas."


class ClosedGigFactory(PublishedGigFactory):
    status = GigStatus.CLOSED


class SuspendedGigFactory(PublishedGigFactory):
    status = GigStatus.SUSPENDED


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application in `sent`; pass status=... for later stages (bypasses the services)."""

    class Meta:
        model = "listings.Application"

    gig = factory.SubFactory(PublishedGigFactory)
    worker = factory.SubFactory(WorkerFactory)
    message = "Saya terbiasa membalas chat Shopee dan WhatsApp dengan cepat."
    status = "sent"


class AlertFactory(factory.django.DjangoModelFactory):
    """A worker's saved search; every criterion empty ("any") unless given."""

    class Meta:
        model = "listings.Alert"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return alert_save(model_class(*args, **kwargs))

    worker = factory.SubFactory(WorkerFactory)
    name = factory.Sequence(lambda n: f"Notifikasi {n}")
    frequency = "instant"
