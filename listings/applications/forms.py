from django import forms
from django.utils.translation import gettext_lazy as _

from listings.models import Application
from listings.vocabulary import ApplicationStatus, Channel


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
