from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Gig
from ..verification.selectors import verification_badge


class VerificationSerializer(serializers.Serializer):
    verified_at = serializers.DateTimeField(allow_null=True)
    checked = serializers.ListField(
        child=serializers.CharField(), help_text="What a moderator checked: nib, marketplace, instagram, …"
    )


class EmployerSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField()
    verified = serializers.SerializerMethodField()
    verification = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_name(self, user) -> str:
        profile = getattr(user, "employer_profile", None)
        return profile.business_name if profile else user.display_name

    @extend_schema_field(serializers.BooleanField())
    def get_verified(self, user) -> bool:
        return verification_badge(getattr(user, "employer_profile", None)) is not None

    @extend_schema_field(VerificationSerializer(allow_null=True))
    def get_verification(self, user) -> dict | None:
        badge = verification_badge(getattr(user, "employer_profile", None))
        if badge is None:
            return None
        return VerificationSerializer({"verified_at": badge.verified_at, "checked": list(badge.checks)}).data


class GigSerializer(serializers.ModelSerializer):
    """A published gig as listed by `GET /api/v1/gigs/` (DESIGN.md contract)."""

    employer = EmployerSerializer(read_only=True)
    channels = serializers.ListField(child=serializers.CharField(), read_only=True)
    duties = serializers.ListField(child=serializers.CharField(), read_only=True)
    schedule = serializers.ListField(child=serializers.CharField(), read_only=True)
    url = serializers.SerializerMethodField()
    pay_display = serializers.CharField(read_only=True)
    pay_estimate_month = serializers.IntegerField(read_only=True, help_text="Perkiraan rupiah per bulan.")
    pay_estimate_hour = serializers.IntegerField(read_only=True, help_text="Perkiraan rupiah per jam.")
    pay_is_estimate = serializers.BooleanField(read_only=True)

    class Meta:
        model = Gig
        fields = [
            "id",
            "title",
            "employer",
            "pay_model",
            "pay_min",
            "pay_max",
            "pay_display",
            "pay_estimate_month",
            "pay_estimate_hour",
            "pay_is_estimate",
            "work_mode",
            "city",
            "hours_per_week",
            "channels",
            "duties",
            "schedule",
            "url",
            "published_at",
            "expires_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, gig: Gig) -> str:
        request = self.context.get("request")
        path = gig.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    def to_representation(self, gig: Gig) -> dict:
        """The fields above, written out: DRF's generic field walk costs ~0.2 ms a gig, most
        of a list page's serialising. `tests/listings/test_api.py` holds it equal to the
        generic walk (`generic_representation`), field for field."""
        if type(self) is not GigSerializer:
            return super().to_representation(gig)
        profile = getattr(gig.employer, "employer_profile", None)
        badge = verification_badge(profile)
        return {
            "id": gig.pk,
            "title": gig.title,
            "employer": {
                "name": profile.business_name if profile else gig.employer.display_name,
                "verified": badge is not None,
                "verification": None
                if badge is None
                else {"verified_at": _iso(badge.verified_at), "checked": [str(c) for c in badge.checks]},
            },
            "pay_model": gig.pay_model,
            "pay_min": gig.pay_min,
            "pay_max": gig.pay_max,
            "pay_display": gig.pay_display,
            "pay_estimate_month": gig.pay_estimate_month,
            "pay_estimate_hour": gig.pay_estimate_hour,
            "pay_is_estimate": gig.pay_is_estimate,
            "work_mode": gig.work_mode,
            "city": gig.city,
            "hours_per_week": gig.hours_per_week,
            "channels": [str(code) for code in gig.channels],
            "duties": [str(code) for code in gig.duties],
            "schedule": [str(code) for code in gig.schedule],
            "url": self.get_url(gig),
            "published_at": _iso(gig.published_at),
            "expires_at": _iso(gig.expires_at),
        }

    def generic_representation(self, gig: Gig) -> dict:
        """DRF's own field-by-field serialising of the same fields (the reference)."""
        return super().to_representation(gig)


# What a list page reads of each gig, its employer and the profile (`GigSerializer`).
LIST_FIELDS = (
    *("id", "title", "slug", "employer_id", "pay_model", "pay_min", "pay_max", "commission_description"),
    *("work_mode", "city", "hours_per_week", "channels", "duties", "schedule", "published_at", "expires_at"),
    *("pay_estimate_month", "pay_estimate_hour"),
    *(f"employer__{name}" for name in ("role", "deleted_at", "email", "first_name", "last_name")),
    *(f"employer__employer_profile__{n}" for n in ("user_id", "business_name", "is_verified", "verified_at")),
)


def _iso(value):
    """A datetime as DRF writes it: ISO 8601 in the current time zone, UTC as 'Z'."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class GigDetailSerializer(GigSerializer):
    """One published gig with its full text (`GET /api/v1/gigs/{id}/`)."""

    class Meta(GigSerializer.Meta):
        fields = [*GigSerializer.Meta.fields, "description", "requirements", "commission_description"]
        read_only_fields = fields
