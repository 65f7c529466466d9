from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """A word that occurs in live gigs' text, with how many gigs use it: the board's own
    vocabulary, which query typos are corrected against (`listings.search.words`).

    Rebuilt from the live gigs hourly and topped up when a gig is published, so a word a new
    post brings ("cireng", "skincare") is known at once.
    """

    word = models.CharField(_("kata"), max_length=40, primary_key=True)
    gigs = models.PositiveIntegerField(_("jumlah lowongan"), default=0)

    class Meta:
        db_table = "listings_search_word"
        verbose_name = _("kata pencarian")
        verbose_name_plural = _("kata pencarian")

    def __str__(self) -> str:
        return self.word
