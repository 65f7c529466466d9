from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from listings.models import Gig
from listings.money import RupiahField
from listings.schedule import DAY_RANGES, days_of
from listings.vocabulary import (
    Channel,
    Duty,
    PayModel,
    RejectionTemplate,
    ReportReason,
    Schedule,
    Weekday,
    WorkMode,
)


def _checkboxes(choices, label, required=True):
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, required=required
    )


class GigForm(forms.ModelForm):
    """The one form an owner fills in; model rules (Gig.clean) give the inline errors."""

    channels = _checkboxes(Channel.choices, _("Channel yang dipegang"))
    duties = _checkboxes(Duty.choices, _("Tugas"))
    schedule = _checkboxes(Schedule.choices, _("Jadwal"), required=False)

    class Meta:
        model = Gig
        fields = list(Gig.EDITABLE_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "pay_model": forms.RadioSelect,
            "work_mode": forms.RadioSelect,
        }
        field_classes = {"pay_min": RupiahField, "pay_max": RupiahField, "trial_pay": RupiahField}
        help_texts = {
            "title": _("Contoh: Admin Online Olshop Hijab (WFH, Part Time)"),
            "pay_min": _("Contoh: 75.000, 75rb atau 1,5 jt."),
            "pay_max": _("Kosongkan jika gaji tetap."),
            "city": _("Wajib untuk kerja di lokasi atau hybrid."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pay_model"].initial = PayModel.DAILY
        self.fields["work_mode"].initial = WorkMode.REMOTE
        self.fields["pay_model"].choices = PayModel.choices
        self.fields["work_mode"].choices = WorkMode.choices

    def gig_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in Gig.EDITABLE_FIELDS}


class TimeWindowForm(forms.Form):
    day = forms.ChoiceField(
        label=_("Hari"),
        choices=[
            ("", "—"),
            (_("Beberapa hari, jam sama"), [(code, label) for code, (_days, label) in DAY_RANGES.items()]),
            (_("Satu hari"), [(str(value), label) for value, label in Weekday.choices]),
        ],
    )
    start = forms.TimeField(label=_("Mulai"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label=_("Selesai"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("start") == data.get("end"):
            raise forms.ValidationError(_("Jam mulai dan selesai tidak boleh sama."))
        return data


# absolute_max: a forged TOTAL_FORMS of 9999 must not make the server build a thousand forms.
TimeWindowFormSet = formset_factory(
    TimeWindowForm, extra=2, max_num=14, absolute_max=14, validate_max=True, can_delete=True
)


def time_windows_from(formset) -> list[dict]:
    """The windows the rows describe; a range row ("Senin–Jumat") gives one per day, and a
    window typed twice counts once."""
    windows: dict[tuple, dict] = {}
    for f in formset.forms:
        if not f.cleaned_data or f.cleaned_data.get("DELETE"):
            continue
        start, end = f.cleaned_data["start"], f.cleaned_data["end"]
        for day in days_of(f.cleaned_data["day"]):
            windows.setdefault((day, start, end), {"day": day, "start": start, "end": end})
    return sorted(windows.values(), key=lambda w: (w["day"], w["start"]))


def wants_more_rows(request, prefix: str) -> bool:
    """The no-JavaScript "Tambah baris" button: show the form again with empty rows, save nothing."""
    return request.method == "POST" and bool(request.POST.get(f"{prefix}-add"))


def typed_again(form: forms.BaseForm, **kwargs):
    """An unbound copy of a bound form showing what was typed, without error messages."""
    initial = {name: form[name].data for name in form.fields}
    return type(form)(initial=initial, **kwargs)


def time_window_rows_again(formset) -> TimeWindowFormSet:
    """The rows as typed (rows ticked "Hapus" and untouched rows left out) plus empty rows."""
    rows = []
    for f in formset.forms:
        typed = {name: f[name].data for name in ("day", "start", "end")}
        if f["DELETE"].data or not any(typed.values()):
            continue
        rows.append(typed)
    return TimeWindowFormSet(initial=rows, prefix=formset.prefix)


class RejectForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Alasan"), choices=[("", _("— pilih alasan —"))] + RejectionTemplate.choices, required=False
    )
    note = forms.CharField(
        label=_("Catatan untuk pemilik"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )

    def clean(self):
        """The template is stored as its code (the owner reads it in their language), the
        note as typed."""
        data = super().clean()
        data["note"] = data.get("note", "").strip()
        if not data.get("template") and not data["note"]:
            raise forms.ValidationError(_("Pilih alasan atau tulis catatan untuk pemilik lowongan."))
        return data


class ModerationNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan/catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=1000
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Alasan laporan"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Keterangan (opsional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )


class ModerationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("pending", _("Menunggu review")),
            ("published", _("Tayang")),
            ("suspended", _("Ditangguhkan")),
        ],
    )
    pay_model = forms.ChoiceField(
        label=_("Sistem gaji"), required=False, choices=[("", _("Semua"))] + PayModel.choices
    )
    work_mode = forms.ChoiceField(
        label=_("Lokasi kerja"), required=False, choices=[("", _("Semua"))] + WorkMode.choices
    )
    verified = forms.ChoiceField(
        label=_("Pemilik"),
        required=False,
        choices=[("", _("Semua")), ("yes", _("Terverifikasi")), ("no", _("Belum terverifikasi"))],
    )
