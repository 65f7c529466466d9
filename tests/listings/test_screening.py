"""Unit tests of the scam screening: every signal catches its scam and lets its look-alike pass."""

import json
from pathlib import Path

import pytest
from django.utils import timezone

from listings import screening
from listings.models import Gig, GigScreening
from listings.screening import Board, fingerprint
from listings.screening.board import rejected_corpus
from listings.screening.engine import load_rules, parse_rules
from listings.screening.labels import LABELS
from listings.screening.normalize import normalize
from listings.screening.pay import parse_amount, text_pay_claims
from listings.trust import services as safety
from listings.vocabulary import GigStatus
from tests import factories

DATA = Path(__file__).resolve().parent / "data" / "screening_labelled.jsonl"


def _row(description, **extra):
    row = {"title": "Admin Online", "description": description, "pay_model": "daily", "pay_min": 75_000}
    row.update(extra)
    return row


def _codes(description, **extra):
    return screening.screen_data(_row(description, **extra), board=Board()).codes


# (signal code, scam text that must fire it, legitimate look-alike that must not)
SIGNAL_CASES = [
    (
        "gambling_operation",
        "CS website hiburan online, bonus deposit member baru, gaji 8 juta.",
        "Admin toko voucher game online: proses top up diamond untuk pembeli.",
    ),
    (
        "money_from_worker",
        "Biaya pendaftaran Rp 50.000, setelah itu langsung dapat kerjaan.",
        "Tidak ada biaya pendaftaran. Tugas: konfirmasi pembayaran dan transfer dari pelanggan.",
    ),
    (
        "money_from_worker",
        "Calon admin wajib deposit 200rb sebagai jaminan.",
        "Mencatat deposit pelanggan laundry dan saldo member tiap malam.",
    ),
    (
        "money_from_worker",
        "Kamu cukup modal 100rb untuk mulai jadi admin.",
        "Cukup modal HP dan kuota internet, kami ajari dari awal.",
    ),
    (
        "money_from_worker",
        "Silakan pilih paket member Gold Rp 500.000 untuk akses orderan.",
        "Membantu pembeli memilih paket hampers yang sesuai budget.",
    ),
    (
        "money_from_worker",
        "Transfer dulu 75rb untuk aktivasi akun kerja kamu.",
        "Gaji ditransfer tiap minggu, setiap Sabtu sore.",
    ),
    (
        "money_from_worker",
        "Wajib top up saldo minimal 100rb sebelum mulai kerja.",
        "Melayani top up saldo e-wallet dan token listrik untuk pelanggan konter.",
    ),
    (
        "money_from_worker",
        "Biaya pelatihan 150rb, dipotong dari gaji pertama.",
        "Biaya pelatihan ditanggung perusahaan sepenuhnya.",
    ),
    (
        "money_from_worker",
        "Training online berbayar Rp 200.000 sebelum kontrak.",
        "Menghitung biaya admin marketplace untuk laporan bulanan.",
    ),
    (
        "pay_per_click_task",
        "Like dan follow akun Instagram, dibayar Rp 2.000 per like.",
        "Mengelola Instagram toko: balas komentar, naikkan follower dengan konten menarik.",
    ),
    (
        "pay_per_click_task",
        "Tugas harian rating produk, kirim screenshot ke mentor untuk komisi.",
        "Membalas ulasan pembeli dan menangani komplain rating rendah.",
    ),
    (
        "forward_order_deposit",
        "Sistem forward order: checkout pakai dana sendiri dulu, nanti diganti plus komisi.",
        "Admin dropship tanpa deposit dan tanpa modal, meneruskan pesanan ke gudang (forward order).",
    ),
    (
        "sensitive_credentials",
        "Kirimkan foto kartu ATM dan PIN untuk proses penggajian.",
        "Edukasi pelanggan agar jangan pernah memberikan kode OTP atau PIN kepada siapa pun.",
    ),
    (
        "sensitive_credentials",
        "Untuk verifikasi, kirim selfie dengan KTP ke admin.",
        "Membuat konten selfie memakai produk hijab untuk Instagram toko.",
    ),
    (
        "identity_documents",
        "Kirim foto KTP dan KK lewat WA sebelum mulai kerja.",
        "Lamaran dibawa saat interview: CV dan fotokopi KTP.",
    ),
    (
        "telegram_contact",
        "Info lengkap hubungi HRD di Telegram @hrd_kerja_online.",
        "Membalas chat pembeli di WhatsApp dan Shopee setiap hari.",
    ),
    (
        "personal_number_contact",
        "Minat? Hubungi WA 0812-3344-5566 sekarang.",
        "Balas chat pelanggan di WhatsApp Business toko, maksimal 1x24 jam.",
    ),
    (
        "foreign_contact_or_relocation",
        "Penempatan di Kamboja, tiket pesawat dan visa ditanggung perusahaan.",
        "Melayani pembeli dari Malaysia dan Brunei lewat Shopee, menghitung ongkir ekspor.",
    ),
    (
        "foreign_number",
        "Chat WhatsApp +855 12 345 678 untuk bergabung.",
        "Chat WhatsApp +62 812 3456 7890 (admin toko).",
    ),
    (
        "foreign_number",
        "Interview lewat wa.me/85593123456 ya kak.",
        "Order lewat wa.me/6281234567890 ya kak.",
    ),
    (
        "foreign_contact_or_relocation",
        "CS game, penempatan Phnom Penh, tiket dan mess ditanggung.",
        "CS toko oleh-oleh, melayani turis dari Kamboja dan Thailand.",
    ),
    (
        "app_from_file",
        "Absen pakai aplikasi kami: download absensi-kerja.apk dulu.",
        "Aplikasi kasir kami ada di Play Store, nanti diajari.",
    ),
    (
        "app_from_file",
        "Install aplikasi kerja dari file APK yang kami kirim via WA.",
        "Bantu pelanggan install aplikasi toko dari Play Store.",
    ),
    (
        "worker_pays",
        "Sebelum interview kandidat cek kesehatan di klinik rekanan, biaya Rp300.000 dibayar sendiri.",
        "Biaya cek kesehatan sebelum kontrak ditanggung perusahaan.",
    ),
    (
        "worker_pays",
        "Perlengkapan kerja dikirim ke rumah, kamu cukup ganti ongkos kirimnya 90 ribu.",
        "Gaji ditransfer ke rekening kamu setiap tanggal 25.",
    ),
    (
        "worker_pays",
        "Recharge your account to receive order packs before you can withdraw.",
        "Customers recharge their game accounts; you confirm each payment.",
    ),
    (
        "worker_pays",
        "Tiket dan hotel untuk interview dipesan sendiri, nanti diganti setelah kontrak.",
        "Deposit penyewa dikembalikan setelah alat kembali dalam kondisi baik.",
    ),
    (
        "gambling_operation",
        "CS shift malam: bantu member isi chip dan proses penarikan kemenangan.",
        "CS toko mainan: bantu pembeli memilih mainan edukasi.",
    ),
    (
        "worker_pays",
        "✅ Gaji mingguan ✅ cukup setor jaminan 200rb ✅ amanah",
        "✅ Gaji mingguan ✅ cukup modal HP ✅ tim wajib booking dan transfer DP lapangan",
    ),
    (
        "wages_held",
        "Gaji pertama ditahan sampai kamu top up saldo akun 200rb.",
        "Gaji dibayar tiap tanggal 1, lembur dihitung per jam.",
    ),
    (
        "data_to_them",
        "Nanti ada kode 6 digit masuk ke HP kamu, teruskan ke admin ya.",
        "Kirim kode resi ke pembeli setelah paket dikirim.",
    ),
    (
        "data_to_them",
        "Kirim video wajah menoleh kiri-kanan untuk verifikasi ke WA HRD.",
        "Saat tanda tangan kontrak di kantor, bawa KTP asli dan fotokopi kartu keluarga.",
    ),
    (
        "data_to_them",
        "Foto wajah kamu dan KTP kamu dipakai untuk verifikasi akun nasabah baru.",
        "Data diri kamu hanya digunakan untuk proses rekrutmen.",
    ),
    (
        "receive_forward",
        "Tiap hari ada paket ke rumahmu, ganti resi lalu kirim ke alamat baru yang kami tentukan.",
        "Admin retur: terima paket dari pembeli lalu cek kondisi barang.",
    ),
    (
        "credit_in_name",
        "Kami bantu buatkan akun paylater atas nama kamu untuk verifikasi kerja.",
        "Bantu pelanggan mengajukan cicilan paylater di marketplace.",
    ),
    (
        "account_trade",
        "Sewakan rekening bank kamu ke kami, fee 1 juta per bulan.",
        "Jual pulsa dan isi saldo e-wallet untuk pelanggan konter.",
    ),
    (
        "account_trade",
        "Daftarkan QRIS merchant atas nama kamu sendiri, transaksi dikelola tim kami.",
        "Admin mengelola QRIS toko dan mencocokkan pembayaran pelanggan.",
    ),
    (
        "receive_forward",
        "Terima paket di rumah lalu kirim ulang ke alamat yang kami berikan dengan label baru.",
        "Terima paket retur dari pembeli lalu cek kondisi barang.",
    ),
    (
        "receive_forward",
        "Terima transfer ke rekening pribadi kamu lalu teruskan ke rekening perusahaan.",
        "Cek transfer pelanggan ke rekening toko lalu teruskan pesanan ke gudang.",
    ),
    (
        "mass_messaging",
        "Blast promo ke 1000 nomor per hari pakai nomor WA kamu sendiri.",
        "Broadcast katalog baru ke pelanggan toko tiap Senin.",
    ),
    (
        "abroad_placement",
        "Kantor kami di Bangkok. Tiket pesawat dan tempat tinggal gratis.",
        "Toko kami di Taipei butuh CS remote, tidak perlu berangkat, gaji dalam rupiah.",
    ),
    (
        "abroad_placement",
        "Berangkat lewat jalur darat ke Kuching bersama rombongan.",
        "Kargo kirim barang ke Kuching, admin info ongkir ke pelanggan.",
    ),
    (
        "investment_scheme",
        "Jadi admin trading pakai robot, profit 3% per hari.",
        "Komisi 3% per penjualan, dibayar tiap minggu.",
    ),
    (
        "investment_scheme",
        "Admin arisan wajib ikut arisan slot pertama Rp1.000.000.",
        "Admin koperasi: input simpanan anggota dan cetak bukti setoran.",
    ),
    (
        "shortened_link",
        "Daftar di bit.ly/loker-admin-wfh sekarang.",
        "Katalog toko ada di shopee.co.id/tokobatik.",
    ),
    (
        "bait_reply",
        "Yang minat ketik 1 di kolom komentar ya kak.",
        "Balas chat pembeli maksimal 1x24 jam dan ketik resi di sistem.",
    ),
    (
        "instant_hire",
        "Langsung diterima tanpa interview, bisa kerja hari ini.",
        "Setelah interview dan lolos, bisa langsung mulai kerja minggu depan.",
    ),
    (
        "pressure_urgency",
        "Slot terbatas, buruan daftar sebelum ditutup!",
        "Dibutuhkan segera admin online, mulai awal bulan depan.",
    ),
    (
        "easy_money_claim",
        "Kerja santai cuma rebahan, penghasilan jutaan per bulan.",
        "Gaji Rp 2.000.000 per bulan dan bonus target penjualan.",
    ),
    (
        "withdraw_balance",
        "Komisi masuk ke saldo aplikasi, minimal WD 50rb.",
        "Membantu pelanggan e-wallet yang saldonya gagal ditarik ke rekening.",
    ),
]


# Who pays whom: the same obligation is a scam for the worker and a duty for a third party.
OBLIGATION_CASES = [
    ("Sebelum mulai, admin wajib membeli modul kerja seharga 125 ribu.", True),
    ("Calon karyawan harus transfer 50rb untuk aktivasi.", True),
    ("Kamu wajib ikut arisan slot pertama Rp 300.000.", True),
    ("Wajib sewa aplikasi blast 150rb/bulan dari kami.", True),
    ("Penumpang wajib membayar tiket paling lambat 1 hari sebelum berangkat.", False),
    ("Pemenang lelang harus transfer maksimal 1x24 jam.", False),
    ("Anggota baru wajib setor simpanan pokok Rp 50.000, admin membuat buku anggota.", False),
    ("Wajib lembur saat harbolnas dibayar Rp 25.000 per jam.", False),
]


@pytest.mark.smoke
@pytest.mark.parametrize(("text", "worker_pays"), OBLIGATION_CASES)
def test_obligation_to_pay_depends_on_who_pays(text, worker_pays):
    """'wajib bayar' flags only when the worker (or nobody named) is the one paying."""
    assert ("money_from_worker" in _codes(text)) is worker_pays


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("syarat cm tf 50rb buat aktivasi akun admin", "money_from_worker"),
        ("Terima uang pelanggan ke rekening pribadimu lalu transfer ke kami.", "sensitive_credentials"),
        ("Registration fee $10 refundable after first withdrawal.", "money_from_worker"),
    ],
)
def test_chat_abbreviations_possessives_and_english_are_understood(text, code):
    """'cm tf' is 'cuma transfer', 'rekening pribadimu' is 'rekening pribadi kamu'."""
    assert code in _codes(text)


@pytest.mark.smoke
def test_a_code_with_several_blocks_counts_once():
    """Two context variants of one signal never double the score."""
    rules = parse_rules(
        {
            "settings": {"flag_threshold": 10, "autopublish_max_score": 0, "max_score": 100},
            "signal": [
                {"code": "x", "label": "X", "weight": 10, "patterns": ["apel"]},
                {"code": "x", "label": "X", "weight": 30, "patterns": ["mangga"]},
            ],
        }
    )
    from listings.screening.engine import Subject, evaluate

    result = evaluate(Subject(texts=["apel dan mangga"]), rules=rules)
    assert result.codes == ["x"] and result.score == 30


@pytest.mark.smoke
@pytest.mark.parametrize(("code", "scam", "look_alike"), SIGNAL_CASES)
def test_signal_catches_scam_and_passes_look_alike(code, scam, look_alike):
    """Each signal fires on its scam wording and stays quiet on the legitimate look-alike."""
    assert code in _codes(scam), scam
    assert code not in _codes(look_alike), look_alike


def test_every_signal_has_a_translatable_label():
    """Labels live with the codes in labels.py (gettext), none in the data file."""
    codes = {s.code for s in load_rules().signals}
    assert codes <= set(LABELS)
    assert not any(s.label for s in load_rules().signals)


def test_every_signal_in_the_data_file_has_unit_cases():
    """No signal ships without at least one test (data-driven ones are tested below)."""
    covered = {code for code, _, _ in SIGNAL_CASES}
    covered |= {"shouting", "brand_impersonation", "pay_far_above", "rejected_copy"}
    assert {s.code for s in load_rules().signals} <= covered


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("B I A Y A pendaftaran", "biaya pendaftaran"),
        ("b14ya d3posit", "biaya deposit"),
        ("daftaaar sekaraaang", "daftar sekarang"),
        ("d.e.p.o.s.i.t", "deposit"),
        ("gaji 2jt, kerja 1x24 jam", "gaji 2jt, kerja 1x24 jam"),
        ("T0P UP 100k", "top up 100k"),
        ("b i a y a  a k t i v a s i", "biaya aktivasi"),
        ("b.i.a.y.a a-k-t-i-v-a-s-i", "biaya aktivasi"),
        ("ᴅᴇᴘᴏsɪᴛ awal", "deposit awal"),
        ("tоp uр sаldо", "top up saldo"),
        ("𝐝𝐞𝐩𝐨𝐬𝐢𝐭", "deposit"),
        ("de💰posit 100rb 💸", "deposit 100rb"),
        ("tr4nsfer ongk1r", "transfer ongkir"),
        ("bit[dot]ly/x t(.)me/y", "bit.ly/x t.me/y"),
        ("Rp.75.OOO", "rp.75.000"),
        ("gaji💰5 juta", "gaji 5 juta"),
        ("✅ gaji 2jt ✅ setor 200rb", "gaji 2jt \n setor 200rb"),
    ],
)
def test_normalize_undoes_disguises_but_keeps_amounts(raw, expected):
    """Case, digits-for-letters, stretched words and spaced letters are undone; amounts are not."""
    assert normalize(raw) == expected


@pytest.mark.smoke
def test_disguised_fee_is_still_caught():
    """'B1ay4 P3nd4ft4r4n' is the same request for money."""
    assert "money_from_worker" in _codes("Ada B1ay4 P3nd4ft4r4n 50rb ya kak")


@pytest.mark.smoke
def test_shouting_flags_all_caps_posts_not_caps_titles():
    """A post written in capitals is a signal; a capitalised title over a normal text is not."""
    shouted = "DIBUTUHKAN ADMIN ONLINE SEGERA, KERJA DARI RUMAH GAJI BESAR TIAP HARI!!!"
    assert "shouting" in _codes(shouted)
    calm = screening.screen_data(
        _row("Membalas chat pembeli dan memproses pesanan setiap hari kerja.", title="DIBUTUHKAN ADMIN"),
        board=Board(),
    )
    assert "shouting" not in calm.codes


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("name", "impersonates"),
    [
        ("Shopee Indonesia", True),
        ("PT Tokopedia Recruitment", True),
        ("Bank BRI Official", True),
        ("HRD Lazada", True),
        ("Toko Mandiri Jaya", False),
        ("Aulia Hijab Official Shop", False),
        ("Warung Kopi Dana", False),
    ],
)
def test_brand_names_as_employer(name, impersonates):
    """A big brand as the whole employer name is impersonation; an UMKM name containing a word is not."""
    result = screening.screen_data(_row("Membalas chat pembeli.", employer_name=name), board=Board())
    assert ("brand_impersonation" in result.codes) is impersonates


@pytest.mark.django_db
def test_verified_employer_may_carry_a_brand_name():
    """The brand signal only applies to unverified accounts."""
    employer = factories.EmployerFactory(profile__business_name="Shopee Indonesia")
    gig = factories.DraftGigFactory.build(employer=employer)
    assert "brand_impersonation" in screening.screen(gig, board=Board()).codes
    employer.employer_profile.is_verified = True
    assert "brand_impersonation" not in screening.screen(gig, board=Board()).codes


@pytest.mark.django_db
def test_business_links_on_profile_silence_contact_signals():
    """Telegram or a WhatsApp number is only suspicious when there is no shop to check."""
    employer = factories.EmployerFactory()
    text = "Info lowongan hubungi admin di Telegram @toko_batik_admin atau WA 0812-1111-2222."
    gig = factories.DraftGigFactory.build(employer=employer, description=text)
    assert {"telegram_contact", "personal_number_contact"} <= set(screening.screen(gig, board=Board()).codes)
    employer.employer_profile.marketplace_url = "https://shopee.co.id/tokobatik"
    assert not screening.screen(gig, board=Board()).codes


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("number", "unit", "expected"),
    [("1.500.000", None, 1_500_000), ("1,5", "jt", 1_500_000), ("150", "rb", 150_000), ("500", "k", 500_000)],
)
def test_parse_amount(number, unit, expected):
    assert parse_amount(number, unit) == expected


@pytest.mark.smoke
def test_pay_promised_in_text_is_read():
    """'penghasilan 100-500 ribu per hari' is a daily pay claim of Rp 500.000; turnover is not pay."""
    assert text_pay_claims(normalize("penghasilan 100-500 ribu per hari"))[0][:2] == ("daily", 500_000)
    assert text_pay_claims(normalize("omzet toko 50jt/bulan")) == []


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"pay_model": "monthly", "pay_min": 25_000_000, "hours_per_week": 40}, "strong"),
        ({"pay_model": "daily", "pay_min": 100_000, "description": "Balas chat 1 jam per hari."}, "tier"),
        ({"pay_model": "monthly", "pay_min": 2_500_000, "hours_per_week": 40}, None),
        ({"pay_model": "hourly", "pay_min": 30_000, "hours_per_week": 10}, None),
        ({"pay_model": "commission", "pay_min": 0, "commission_description": "5% per penjualan"}, None),
    ],
)
def test_pay_far_above_uses_hours_and_reference_figures(fields, expected):
    """Pay is compared per pay model and per hour; ordinary UMKM pay and commissions pass."""
    row = _row("Membalas chat pembeli.")
    row.update(fields)
    reasons = {r.code: r for r in screening.screen_data(row, board=Board()).reasons}
    rules = load_rules().signal("pay_far_above").params
    if expected is None:
        assert "pay_far_above" not in reasons
    elif expected == "strong":
        assert reasons["pay_far_above"].weight == rules["strong_weight"]
    else:
        assert "pay_far_above" in reasons


@pytest.mark.django_db
def test_pay_statistics_come_from_published_gigs(django_assert_max_num_queries):
    """With enough published gigs of a pay model, the board's own 90th percentile is used."""
    params = load_rules().signal("pay_far_above").params
    for i in range(params["min_samples"]):
        factories.PublishedGigFactory(pay_model="daily", pay_min=400_000 + i * 1000)
    factories.PublishedGigFactory(pay_model="monthly", pay_min=3_000_000)  # too few: fallback
    with django_assert_max_num_queries(3):
        board = screening.board_context()
    assert board.pay_p90["daily"] >= 400_000
    assert "monthly" not in board.pay_p90
    row = _row("Membalas chat pembeli.", pay_min=600_000)
    assert "pay_far_above" not in screening.screen_data(row, board=board).codes
    assert "pay_far_above" in screening.screen_data(row, board=Board()).codes


@pytest.mark.django_db
def test_copy_of_rejected_post_is_flagged(employer, other_employer):
    """A near copy of another account's rejected post is flagged; an unrelated post is not."""
    text = (
        "Dicari admin online untuk toko fashion, kerja dari rumah. Tugas membalas chat, "
        "input pesanan ke spreadsheet dan membuat laporan harian untuk owner setiap malam."
    )
    factories.RejectedGigFactory(employer=other_employer, description=text)
    board = screening.board_context()
    copy = factories.DraftGigFactory.build(employer=employer, description=text + " Gaji mingguan.")
    other = factories.DraftGigFactory.build(employer=employer, description="Jaga stand bazar akhir pekan.")
    assert "rejected_copy" in screening.screen(copy, board=board).codes
    assert "rejected_copy" not in screening.screen(other, board=board).codes


SCAM_POST = (
    "Lowongan admin chat kerja dari rumah, cukup modal HP. Sebelum mulai kamu transfer biaya "
    "aktivasi akun 85 ribu ke rekening HRD, dana kembali bersama gaji pertama. Gaji 150 ribu per "
    "hari, kerja dua jam sehari, langsung mulai setelah transfer dikonfirmasi admin kami."
)
DISGUISED_REPOST = (
    "L0wongan ADMIN CHAT kerja dari rumah!! cukup modal hp 📱. Sebelum mulai kamu tr4nsfer b.i.a.y.a "
    "aktivasi akun 95 ribu ke rekening HRD, dana kembali bersama gaji pertama. Gaji 175 ribu per "
    "hari, kerja dua jam sehari, langsung mulai setelah transfer dikonfirmasi admin."
)


@pytest.mark.django_db
@pytest.mark.parametrize("turned_down", ["rejected", "suspended", "banned"])
def test_disguised_repost_from_a_new_account_is_a_near_duplicate(turned_down, employer, other_employer):
    """Rejected, suspended or banned: a repost with new numbers and disguised spelling is caught."""
    factory = factories.SuspendedGigFactory if turned_down == "suspended" else factories.RejectedGigFactory
    if turned_down == "banned":
        factory = factories.PendingGigFactory
        other_employer.banned_at = timezone.now()
        other_employer.save(update_fields=["banned_at"])
    original = factory(employer=other_employer, description=SCAM_POST)
    board = screening.board_context()
    repost = factories.DraftGigFactory.build(
        employer=employer, title=original.title, description=DISGUISED_REPOST
    )
    reason = next(r for r in screening.screen(repost, board=board).reasons if r.code == "rejected_copy")
    assert reason.evidence.startswith(f"#{original.pk} ")


@pytest.mark.django_db
def test_screening_stores_the_fingerprint_and_the_board_reads_it_in_one_query(
    employer, other_employer, django_assert_max_num_queries
):
    """The fingerprint is written on the gig; the board compares stored integers."""
    gig = factories.PendingGigFactory(employer=other_employer, description=SCAM_POST)
    safety.gig_screen(gig=gig)
    gig.refresh_from_db()
    assert gig.text_fingerprint == fingerprint.simhash(gig.title, gig.description)
    Gig.objects.filter(pk=gig.pk).update(status=GigStatus.REJECTED)
    with django_assert_max_num_queries(1):
        corpus = rejected_corpus(100)
    assert corpus == [(gig.pk, other_employer.pk, gig.text_fingerprint)]


def test_fingerprints_of_unrelated_labelled_posts_stay_far_apart():
    """No two different posts of the labelled set come within the near-duplicate distance."""
    limit = load_rules().signal("rejected_copy").params["max_distance"]
    with DATA.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    prints = [fingerprint.simhash(r["title"], r["description"]) for r in rows]
    prints = [p for p in prints if p is not None]
    assert len(prints) > 500
    closest = min(fingerprint.distance(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :])
    assert closest > limit


@pytest.mark.django_db
def test_screen_writes_nothing(employer, django_assert_max_num_queries):
    """screen() only reads: no rows change."""
    gig = factories.PendingGigFactory(employer=employer, description="Biaya pendaftaran 50rb.")
    with django_assert_max_num_queries(6):
        result = screening.screen(gig)
    assert result.flagged
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert not GigScreening.objects.exists()


@pytest.mark.smoke
def test_result_is_sorted_capped_and_serialisable():
    """Reasons come heaviest first with evidence; the score never exceeds max_score."""
    text = "Biaya pendaftaran 50rb, kirim foto KTP dan PIN ATM, hubungi Telegram @hrd_cepat, slot terbatas!"
    result = screening.screen_data(_row(text), board=Board())
    weights = [r["weight"] for r in result.reasons_as_json()]
    assert weights == sorted(weights, reverse=True)
    assert result.score == load_rules().settings["max_score"]
    assert all(r["evidence"] and r["label"] for r in result.reasons_as_json())


@pytest.mark.smoke
def test_engine_is_generic():
    """A new signal is data only: the engine needs no code change."""
    rules = parse_rules(
        {
            "settings": {"flag_threshold": 10, "autopublish_max_score": 0, "max_score": 100},
            "lists": {"fruit": "apel|mangga"},
            "signal": [{"code": "fruit", "label": "Buah", "weight": 10, "patterns": ["\\b(?:<<fruit>>)\\b"]}],
        }
    )
    from listings.screening.engine import Subject, evaluate

    assert evaluate(Subject(texts=["Jual MANGGAAA"]), rules=rules).flagged
    assert not evaluate(Subject(texts=["Jual jeruk"]), rules=rules).flagged


@pytest.mark.smoke
@pytest.mark.parametrize(
    "text",
    [
        "",
        "1" * 5000,
        "1." * 2500,
        "+6" * 2500,
        "💸🔥" * 1000,
        "b i a y a " * 400,
        "\u200b".join("deposit" * 300),
        "wajib " * 800,
    ],
)
def test_hostile_text_is_screened_without_errors(text):
    """Odd or very long input still gives a bounded score (and no regex blow-up)."""
    result = screening.screen_data(_row(text, pay_min=10**9, pay_max=None), board=Board())
    assert 0 <= result.score <= load_rules().settings["max_score"]


@pytest.mark.django_db
def test_board_context_is_reused_until_the_board_changes(employer, django_assert_max_num_queries):
    """Bulk imports pay two small queries per row, not a rebuild, while nothing changed."""
    first = screening.reusable_board_context()
    with django_assert_max_num_queries(2):
        assert screening.reusable_board_context() is first
    factories.RejectedGigFactory(employer=employer)
    assert screening.reusable_board_context() is not first


@pytest.mark.smoke
def test_screen_data_reads_optional_employer_fields():
    """A row may say the employer is verified or has a shop link; the screening uses it."""
    row = _row("Info lengkap hubungi admin di Telegram @toko_batik_admin.", employer_name="Shopee Indonesia")
    assert {"telegram_contact", "brand_impersonation"} <= set(screening.screen_data(row, board=Board()).codes)
    row.update(employer_verified=True, employer_marketplace_url="https://shopee.co.id/tokobatik")
    codes = screening.screen_data(row, board=Board()).codes
    assert "telegram_contact" not in codes and "brand_impersonation" not in codes


@pytest.mark.smoke
def test_screen_data_tolerates_text_numbers():
    """Numbers written as text in an import row are read, junk is ignored, nothing crashes."""
    high = screening.screen_data(_row("Balas chat.", pay_min="1.500.000", hours_per_week="5"), board=Board())
    assert "pay_far_above" in high.codes
    junk = screening.screen_data(_row("Balas chat.", pay_min="banyak", hours_per_week="?"), board=Board())
    assert "pay_far_above" not in junk.codes
