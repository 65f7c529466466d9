from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ReviewTag
from .rules import TAGS

RATINGS = [
    (str(n), label)
    for n, label in (
        (5, _("5 — sangat baik")),
        (4, _("4 — baik")),
        (3, _("3 — cukup")),
        (2, _("2 — kurang")),
        (1, _("1 — buruk")),
    )
]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("Nilai"), choices=RATINGS, coerce=int, widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(
        label=_("Yang paling terasa (opsional)"), required=False, widget=forms.CheckboxSelectMultiple
    )
    comment = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ceritakan kerja samanya singkat dan sopan. Jangan tulis nomor HP atau data pribadi."),
    )

    def __init__(self, *args, direction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].choices = [(code, ReviewTag(code).label) for code in TAGS[direction]]


class ReviewHideForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan disembunyikan"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
