"""The search form (django-filter), shared by the web page, the feed and the API.

The FilterSet only parses and validates the query string; the search itself is
`listings.search.search_gigs`, so every surface ranks and filters the same way.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from listings.models import Gig
from listings.money import RupiahField
from listings.search import Sort, search_gigs
from listings.search.params import MAX_QUERY_LENGTH
from listings.vocabulary import Channel, Duty, PayModel, Schedule, WorkMode


@extend_schema_field(OpenApiTypes.INT)
class RupiahFilter(django_filters.Filter):
    """Whole rupiah typed the Indonesian way ("2jt", "1.500.000"): `listings.money`."""

    field_class = RupiahField


class GigSearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Kata kunci"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Contoh: cs wfh, admin olshop harian, custumer servis malam."),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("cs wfh, admin olshop harian…")}),
    )
    pay_model = django_filters.ChoiceFilter(
        label=_("Sistem gaji"), choices=PayModel.choices, empty_label=_("Semua")
    )
    min_pay = RupiahFilter(
        label=_("Gaji minimal (Rp)"),
        help_text=_("Per satuan sistem gaji yang dipilih; tanpa sistem gaji: perkiraan per bulan."),
    )
    work_mode = django_filters.ChoiceFilter(
        label=_("Lokasi kerja"), choices=WorkMode.choices, empty_label=_("Semua")
    )
    city = django_filters.CharFilter(label=_("Kota"), max_length=80)
    channel = django_filters.MultipleChoiceFilter(
        label=_("Channel"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )
    duty = django_filters.MultipleChoiceFilter(
        label=_("Tugas"), choices=Duty.choices, widget=forms.CheckboxSelectMultiple
    )
    schedule = django_filters.MultipleChoiceFilter(
        label=_("Jadwal"), choices=Schedule.choices, widget=forms.CheckboxSelectMultiple
    )
    sort = django_filters.ChoiceFilter(label=_("Urutkan"), choices=Sort.choices, empty_label=_("Otomatis"))

    class Meta:
        model = Gig
        fields: list[str] = []

    def filter_queryset(self, queryset):
        """Run the one search implementation over the fields that validated."""
        return search_gigs(self.form.cleaned_data)

    @property
    def params(self) -> dict:
        """The validated parameters (invalid fields dropped), as `search_gigs` takes them."""
        self.errors  # noqa: B018 - validates the form
        return dict(self.form.cleaned_data)
