from django import forms
from django.utils.translation import gettext_lazy as _

from .vocabulary import Channel, PayModel, WorkMode


class SimpleFilterForm(forms.Form):
    pay_model = forms.ChoiceField(
        label=_("Sistem gaji"), required=False, choices=[("", _("Semua"))] + PayModel.choices
    )
    work_mode = forms.ChoiceField(
        label=_("Lokasi kerja"), required=False, choices=[("", _("Semua"))] + WorkMode.choices
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Semua"))] + Channel.choices
    )
    city = forms.CharField(label=_("Kota"), required=False, max_length=80)
