from django import forms
from django.utils.translation import gettext_lazy as _


class WhatsAppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode 6 angka dari WhatsApp"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
