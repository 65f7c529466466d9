from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import VerificationCheck


class VerificationRequestForm(forms.Form):
    """Fields only; the rules (NIB or marketplace link, file types) live in the service."""

    nib = forms.CharField(
        label=_("NIB (Nomor Induk Berusaha)"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("13 angka dari OSS. Belum punya NIB? Isi link toko marketplace saja."),
    )
    marketplace_url = forms.URLField(
        label=_("Link toko marketplace"),
        required=False,
        assume_scheme="https",
        help_text=_("Shopee, Tokopedia, TikTok Shop, Lazada, Bukalapak atau Blibli."),
    )
    instagram_url = forms.URLField(
        label=_("Link Instagram usaha"),
        required=False,
        assume_scheme="https",
        help_text=_("Opsional. Akun dengan riwayat unggahan membantu moderator."),
    )
    shop_photo = forms.FileField(
        label=_("Foto tempat usaha atau stok barang"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Opsional. JPG, PNG atau WEBP, maksimal 4 MB."),
    )
    ktp = forms.FileField(
        label=_("Foto KTP pemilik"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
        help_text=_(
            "Hanya dilihat moderator dan dihapus setelah keputusan. JPG, PNG, WEBP atau PDF, maks. 4 MB."
        ),
    )
    note = forms.CharField(
        label=_("Catatan untuk moderator (opsional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VerificationDecisionForm(forms.Form):
    checks = forms.MultipleChoiceField(
        label=_("Yang sudah Anda periksa"),
        choices=VerificationCheck.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Catatan / alasan (wajib jika ditolak, terlihat oleh pemilik)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
