import re

import pytest

from listings.gigs.forms import TimeWindowFormSet


@pytest.mark.smoke
def test_untouched_time_window_rows_are_skipped_as_a_browser_submits_them():
    """A browser submits every extra time-window row with the day select at its first option
    and empty times; such rows count as blank, not as "Bidang ini harus diisi" errors."""
    blank = TimeWindowFormSet(prefix="windows")
    first_day_option = re.search(r'<option value="([^"]*)"', str(blank.forms[0]["day"])).group(1)
    data = {f"windows-{k}": v for k, v in blank.management_form.initial.items()}
    for i in range(len(blank.forms)):
        data |= {f"windows-{i}-day": first_day_option, f"windows-{i}-start": "", f"windows-{i}-end": ""}
    formset = TimeWindowFormSet(data, prefix="windows")
    assert formset.is_valid(), formset.errors
    assert [f.cleaned_data for f in formset.forms] == [{}, {}]


@pytest.mark.smoke
def test_a_forged_form_count_does_not_make_the_server_build_thousands_of_forms():
    """TOTAL_FORMS=9999 builds at most 14 rows and is refused with an error."""
    data = {"windows-TOTAL_FORMS": "9999", "windows-INITIAL_FORMS": "0"}
    formset = TimeWindowFormSet(data, prefix="windows")
    assert len(formset.forms) == 14
    assert not formset.is_valid()
