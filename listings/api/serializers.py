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


class GigDetailSerializer(GigSerializer):
    """One published gig with its full text (`GET /api/v1/gigs/{id}/`)."""

    class Meta(GigSerializer.Meta):
        fields = [*GigSerializer.Meta.fields, "description", "requirements", "commission_description"]
        read_only_fields = fields
