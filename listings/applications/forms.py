from django import forms
from django.utils.translation import gettext_lazy as _

from listings.models import Application
from listings.models.application import TRIAL_MAX_DAYS
from listings.money import RupiahField
from listings.vocabulary import ApplicationStatus, Channel, TrialPayBasis


class ApplyForm(forms.Form):
    message = forms.CharField(
        label=_("Pesan singkat (opsional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ceritakan pengalaman Anda dengan channel dan tugas di lowongan ini."),
    )
    screening_answer = forms.CharField(
        label=_("Jawaban Anda"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, gig, **kwargs):
        super().__init__(*args, **kwargs)
        if gig.screening_question:
            self.fields["screening_answer"].label = gig.screening_question
            self.fields["screening_answer"].help_text = _("Opsional, tapi membantu Anda dipilih.")
        else:
            del self.fields["screening_answer"]


class ApplicantFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua"))] + ApplicationStatus.choices
    )
    channel = forms.ChoiceField(
        label=_("Pernah pakai channel"), required=False, choices=[("", _("Semua"))] + Channel.choices
    )
    available = forms.BooleanField(label=_("Waktu luangnya cocok dengan jam kerja"), required=False)


class EmployerNoteForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["employer_note"]
        widgets = {"employer_note": forms.Textarea(attrs={"rows": 3})}


class BulkDeclineForm(forms.Form):
    applications = forms.TypedMultipleChoiceField(coerce=int, choices=[])

    def __init__(self, *args, application_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = [(pk, pk) for pk in application_ids]
        self.fields["applications"].error_messages["required"] = _("Pilih minimal satu pelamar.")
        self.fields["applications"].error_messages["invalid_choice"] = _("Pilihan pelamar tidak valid.")


class TrialOfferForm(forms.Form):
    """The terms of a trial the employer offers a shortlisted applicant."""

    days = forms.IntegerField(
        label=_("Lama masa percobaan (hari)"),
        min_value=1,
        max_value=TRIAL_MAX_DAYS,
        error_messages={
            "required": _("Isi lama masa percobaan, misalnya 3 hari."),
            "invalid": _("Isi lama masa percobaan dengan angka hari, misalnya 3."),
            "min_value": _("Masa percobaan minimal 1 hari."),
            "max_value": _("Masa percobaan paling lama %(limit_value)s hari."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    pay = RupiahField(
        label=_("Bayaran masa percobaan (Rp)"),
        required=False,
        help_text=_("Kosongkan jika tidak dibayar. Contoh: 50.000 atau 50rb."),
    )
    pay_basis = forms.ChoiceField(
        label=_("Dihitung"),
        choices=TrialPayBasis.choices,
        widget=forms.RadioSelect,
        required=False,
        initial=TrialPayBasis.PER_DAY,
    )

    def clean(self):
        data = super().clean()
        if data.get("pay") and not data.get("pay_basis"):
            self.add_error("pay_basis", _("Pilih: per hari atau total untuk seluruh masa percobaan."))
        return data

    @classmethod
    def for_gig(cls, gig, data=None):
        """The form, filled in with the trial the gig's post announced (when it did)."""
        initial = {"days": gig.trial_days, "pay": gig.trial_pay}
        return cls(data, initial={k: v for k, v in initial.items() if v})

    def terms(self) -> dict:
        data = self.cleaned_data
        return {"days": data["days"], "pay": data.get("pay"), "pay_basis": data.get("pay_basis", "")}
