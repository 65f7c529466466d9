from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Gig


class EmployerSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_name(self, user) -> str:
        profile = getattr(user, "employer_profile", None)
        return profile.business_name if profile else user.display_name


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
