from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


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
        from .services import user_set_role

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
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
