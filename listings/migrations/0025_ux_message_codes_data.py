"""Old rows to codes where their stored sentence says which code it was, so they too are
read in the reader's language: rejection reasons (template sentence + note), audit reasons,
and the pay figures of screening evidence ("daily Rp 500.000 ≈ Rp 62.500/jam"). Rows that
match nothing keep their text, which is still shown as it was. Inbox rows keep their text
(shown as stored; new ones are written as codes)."""

import re

from django.db import migrations

# The Indonesian sentences as they were stored before codes (frozen here on purpose).
SENTENCES = {
    "Gaji belum jelas. Sebutkan nominal dan sistem gajinya (per jam/hari/bulan/komisi).": "pay_unclear",
    "Tugas belum jelas. Jelaskan pekerjaan sehari-hari dan channel yang dipakai.": "duties_unclear",
    "Lowongan meminta biaya atau deposit dari pelamar. Ini tidak diizinkan.": "asks_for_money",
    "Lowongan meminta data pribadi sensitif (KTP, OTP, PIN, rekening).": "personal_data",
    "Bukan lowongan admin/CS. Loker CS khusus pekerjaan layanan pelanggan dan admin online.": "not_cs",
    "Lowongan duplikat dari lowongan yang sudah ada.": "duplicate",
    "Hapus nomor telepon/link kontak dari deskripsi; pelamar melamar lewat Loker CS.": "contact_in_text",
    "Akun pemilik usaha dihapus": "owner_deleted",
    "Lowongan belum memenuhi pedoman Loker CS. Periksa gaji, tugas dan kontak, lalu ajukan lagi.": "guidelines",
}
BANNED = re.compile(r"^Akun pemilik diblokir: (?P<note>.*)$", re.S)
PAY_MODELS = "hourly|daily|weekly|monthly|per_project|commission"
FORM_PAY = re.compile(rf"^(?P<model>{PAY_MODELS}) Rp (?P<amount>[\d.]+)(?: ≈ Rp (?P<hour>[\d.]+)/jam)?$")
TEXT_PAY = re.compile(r"^(?P<text>.*) ≈ Rp (?P<hour>[\d.]+)/jam$", re.S)


def split_reason(text: str) -> tuple[str, str] | None:
    """(code, note) for a stored reason sentence, or None when it names no code."""
    first, _newline, rest = text.partition("\n")
    if first in SENTENCES:
        return SENTENCES[first], rest.strip()
    banned = BANNED.match(text)
    if banned:
        return "owner_banned", banned["note"].strip()
    return None


def _rupiah(digits: str) -> int:
    return int(digits.replace(".", ""))


def pay_evidence(reason: dict) -> dict | None:
    """The reason with its pay figures as params, or None when it has none to convert."""
    if reason.get("code") != "pay_far_above" or reason.get("params"):
        return None
    evidence = reason.get("evidence", "")
    form = FORM_PAY.match(evidence)
    if form:
        params = {"pay_model": form["model"], "amount": _rupiah(form["amount"])}
        if form["hour"]:
            params["per_hour"] = _rupiah(form["hour"])
        return {**reason, "evidence": "", "params": params}
    text = TEXT_PAY.match(evidence)
    if text:
        return {**reason, "evidence": text["text"], "params": {"per_hour": _rupiah(text["hour"])}}
    return None


def forwards(apps, schema_editor):
    Gig = apps.get_model("listings", "Gig")
    GigEvent = apps.get_model("listings", "GigEvent")
    GigScreening = apps.get_model("listings", "GigScreening")
    for gig in Gig.objects.filter(rejection_code="").exclude(rejection_reason="").only("rejection_reason"):
        found = split_reason(gig.rejection_reason)
        if found:
            Gig.objects.filter(pk=gig.pk).update(rejection_code=found[0], rejection_reason=found[1])
    for event in GigEvent.objects.filter(reason_code="").exclude(reason="").only("reason"):
        found = split_reason(event.reason)
        if found:
            GigEvent.objects.filter(pk=event.pk).update(reason_code=found[0], reason=found[1])
    for screening in GigScreening.objects.filter(reasons__icontains="pay_far_above").only("reasons"):
        converted = [pay_evidence(reason) or reason for reason in screening.reasons]
        if converted != screening.reasons:
            GigScreening.objects.filter(pk=screening.pk).update(reasons=converted)


class Migration(migrations.Migration):
    dependencies = [("listings", "0024_ux_message_codes")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
