from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from jobboard.hardening import without_nul
from listings.models import Alert
from listings.search import clean_search_params

# Search parameter -> Alert column.
PARAM_TO_FIELD = {
    "q": "q",
    "pay_model": "pay_model",
    "work_mode": "work_mode",
    "city": "city",
    "min_pay": "min_pay",
    "channel": "channels",
    "duty": "duties",
    "schedule": "schedule",
}


def criteria_from_query(query: str) -> dict:
    """Alert criteria from a search page query string; raises ValidationError on bad values."""
    data = without_nul(QueryDict(query or ""))  # the request's own fields were cleaned by middleware
    params = {
        name: data.getlist(name) if name in ("channel", "duty", "schedule") else data.get(name)
        for name in PARAM_TO_FIELD
    }
    cleaned = clean_search_params(params)
    return {field: cleaned[param] for param, field in PARAM_TO_FIELD.items()}


class AlertSaveForm(forms.Form):
    """The one-tap "save this search" form on the search page."""

    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    name = forms.CharField(
        label=_("Nama notifikasi"),
        max_length=80,
        required=False,
        help_text=_("Boleh dikosongkan, kami beri nama dari pencarian Anda."),
    )
    frequency = forms.ChoiceField(
        label=_("Kirim"),
        choices=Alert.Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_frequency(self) -> str:
        return self.cleaned_data["frequency"] or Alert.Frequency.INSTANT

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["criteria"] = criteria_from_query(cleaned.get("query", ""))
        except ValidationError as exc:
            messages = [str(m) for m in exc.messages]
            raise ValidationError(
                _("Pencarian ini tidak bisa disimpan: %(why)s") % {"why": " ".join(messages)}
            ) from None
        return cleaned


class AlertEditForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["name", "frequency"]
        widgets = {"frequency": forms.RadioSelect}


class ProfileMatchingForm(forms.Form):
    enabled = forms.BooleanField(required=False)
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices, initial=Alert.Frequency.DAILY)
