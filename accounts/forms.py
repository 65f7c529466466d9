from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from phonenumber_field.widgets import RegionalPhoneNumberWidget

from accounts.services import user_set_role
from listings.money import RupiahField
from listings.vocabulary import Channel, Duty, Language, PayModel

from .images import logo_normalise
from .models import User
from .validators import validate_image_upload

# The phone library's own message has no example; people type 0812-…, not +62.
WHATSAPP_INVALID = _("Tulis nomor WhatsApp seperti di HP, contoh 0812-3456-7890.")


class WhatsAppInput(RegionalPhoneNumberWidget):
    """Shows a saved number nationally (0812 …) but a typed one exactly as typed, so an error
    never rewrites what the person entered."""

    def format_value(self, value):
        return value if isinstance(value, str) else super().format_value(value)


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form: who is signing up."""

    role = forms.ChoiceField(
        label=_("Saya mendaftar sebagai"),
        choices=[
            (User.Role.WORKER, _("Pencari kerja — saya cari kerja admin/CS")),
            (User.Role.EMPLOYER, _("Pemilik usaha — saya cari admin/CS")),
        ],
        widget=forms.RadioSelect,
        initial=User.Role.WORKER,
    )

    def signup(self, request, user: User) -> None:
        user_set_role(user=user, role=self.cleaned_data["role"])


class EmployerProfileForm(forms.ModelForm):
    class Meta:
        from .models import EmployerProfile

        model = EmployerProfile
        fields = [
            "business_name",
            "category",
            "city",
            "province",
            "description",
            "whatsapp",
            "instagram_url",
            "marketplace_url",
            "website_url",
            "logo",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "whatsapp": WhatsAppInput}
        error_messages = {"whatsapp": {"invalid": WHATSAPP_INVALID}}

    def clean_logo(self):
        """A new upload is checked and re-encoded (accounts.images); a kept logo stays as it is."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            validate_image_upload(logo)  # the byte limit applies to what was sent
            return logo_normalise(logo)
        return logo


class WorkerProfileForm(forms.ModelForm):
    """The worker's one-page profile. Code lists are checkboxes over the shared vocabulary."""

    channels = forms.MultipleChoiceField(
        label=_("Channel yang pernah Anda pakai"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duties = forms.MultipleChoiceField(
        label=_("Tugas yang bisa Anda kerjakan"),
        choices=Duty.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Bahasa"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    preferred_pay_models = forms.MultipleChoiceField(
        label=_("Sistem gaji yang Anda mau"),
        choices=PayModel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    link_1 = forms.URLField(label=_("Link portofolio 1"), required=False, max_length=300)
    link_2 = forms.URLField(label=_("Link portofolio 2"), required=False, max_length=300)
    link_3 = forms.URLField(label=_("Link portofolio 3"), required=False, max_length=300)

    LINK_FIELDS = ("link_1", "link_2", "link_3")

    class Meta:
        from .models import WorkerProfile

        model = WorkerProfile
        fields = [
            "display_name",
            "headline",
            "city",
            "open_to_remote",
            "whatsapp",
            "channels",
            "duties",
            "years_experience",
            "languages",
            "preferred_pay_models",
            "expected_pay_min",
            "expected_pay_model",
            "portfolio_text",
            "portfolio_pdf",
        ]
        field_classes = {"expected_pay_min": RupiahField}
        error_messages = {"whatsapp": {"invalid": WHATSAPP_INVALID}}
        widgets = {
            "whatsapp": WhatsAppInput,
            "portfolio_text": forms.Textarea(attrs={"rows": 4}),
            "years_experience": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 50}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        links = list(self.instance.portfolio_links or [])
        for name, link in zip(self.LINK_FIELDS, links, strict=False):
            self.fields[name].initial = link
        self.fields["display_name"].required = True
        self.fields["whatsapp"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self):
        cleaned = super().clean()
        links = [cleaned.get(name) for name in self.LINK_FIELDS]
        self.instance.portfolio_links = [link for link in links if link]
        return cleaned


class AccountDeleteForm(forms.Form):
    confirm = forms.CharField(
        label=_("Ketik HAPUS untuk konfirmasi"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip().upper()
        if value != "HAPUS":
            raise forms.ValidationError(_("Ketik HAPUS (huruf besar) untuk menghapus akun."))
        return value


class LoginLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email akun Anda"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
