from django import forms
from django.utils.translation import gettext_lazy as _

from ..vocabulary import PayModel


class PayInsightFilterForm(forms.Form):
    pay_model = forms.ChoiceField(
        label=_("Sistem gaji"),
        required=False,
        choices=[("", _("Semua sistem gaji")), *PayModel.choices],
        error_messages={"invalid_choice": _("Pilih sistem gaji dari daftar.")},
    )
