"""Writes for job alerts: save a search, rename, pause, delete, unsubscribe, profile matching."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from listings.alerts.matching import city_key
from listings.alerts.unsubscribe import unsubscribe_alerts
from listings.models import Alert
from listings.models.alerts import normalize_query
from listings.vocabulary import WorkMode
from listings.workflow import StateMachine

ALERTS_PER_WORKER_MAX = 20
CRITERIA_FIELDS = (
    "q",
    "pay_model",
    "work_mode",
    "city",
    "min_pay",
    "channels",
    "duties",
    "schedule",
)


def alert_save(alert: Alert, **kwargs) -> Alert:
    """Save `alert` with the keys matching compares (normalised query and city, pay unit)."""
    alert.q_key = normalize_query(alert.q)
    alert.city_key = city_key(alert.city)
    if alert.kind == Alert.Kind.SEARCH:
        alert.min_pay_unit = alert.pay_model
    alert.save(**kwargs)
    return alert


def _require_worker(user: User) -> None:
    if not (user.is_authenticated and user.is_worker):
        raise PermissionDenied(_("Notifikasi lowongan hanya untuk akun pencari kerja."))


def alerts_for(*, worker: User) -> QuerySet[Alert]:
    return Alert.objects.filter(worker=worker).order_by("kind", "-created_at", "-pk")


def alert_default_name(criteria: dict) -> str:
    """A readable name from the criteria: 'cs wfh · Harian · Shopee'."""
    name = " · ".join(Alert(**criteria).criteria_labels()) or _("Semua lowongan baru")
    return name[:80]


def alert_create(
    *, worker: User, criteria: dict, name: str = "", frequency: str = Alert.Frequency.INSTANT
) -> Alert:
    """Save a search as an alert. `criteria` holds cleaned values for CRITERIA_FIELDS."""
    _require_worker(worker)
    if Alert.objects.filter(worker=worker, kind=Alert.Kind.SEARCH).count() >= ALERTS_PER_WORKER_MAX:
        raise ValidationError(
            _("Maksimal %(n)d notifikasi. Hapus yang tidak dipakai dulu.") % {"n": ALERTS_PER_WORKER_MAX}
        )
    values = {field: criteria.get(field) for field in CRITERIA_FIELDS}
    for field in ("q", "pay_model", "work_mode", "city"):
        values[field] = (values[field] or "").strip()
    for field in ("channels", "duties", "schedule"):
        values[field] = list(dict.fromkeys(values[field] or []))
    alert = Alert(
        worker=worker,
        kind=Alert.Kind.SEARCH,
        name=(name or "").strip()[:80] or alert_default_name(values),
        frequency=frequency,
        **values,
    )
    alert.full_clean()
    alert_save(alert)
    return alert


def alert_update(*, alert: Alert, by: User, name: str, frequency: str) -> Alert:
    _require_owner(alert, by)
    alert.name = (name or "").strip()[:80] or alert.name
    alert.frequency = frequency
    alert.full_clean()
    alert.save(update_fields=["name", "frequency", "updated_at"])
    return alert


class AlertError(ValidationError):
    pass


MACHINE = StateMachine(
    transitions={"pause": {False: True}, "resume": {True: False}},
    error=AlertError,
    invalid_message=lambda alert, action: (
        _("Notifikasi ini sudah dijeda.") if action == "pause" else _("Notifikasi ini sudah aktif.")
    ),
    field="paused",
)


def alert_set_paused(*, alert: Alert, by: User, paused: bool) -> Alert:
    """Pause or resume an alert; asking for the state it is already in changes nothing."""
    _require_owner(alert, by)
    if alert.paused == paused:
        return alert
    return MACHINE.move(alert, action="pause" if paused else "resume", fields=("updated_at",))


def alert_delete(*, alert: Alert, by: User) -> None:
    _require_owner(alert, by)
    alert.delete()


def alerts_unsubscribe(*, token: str) -> list[Alert]:
    """Pause the alert(s) a signed email link names. Raises signing.BadSignature if invalid."""
    alerts = unsubscribe_alerts(token)
    Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(paused=True)
    for alert in alerts:
        alert.paused = True
    return alerts


def _require_owner(alert: Alert, by: User) -> None:
    if alert.worker_id != by.pk:
        raise PermissionDenied(_("Ini bukan notifikasi Anda."))


def profile_alert_for(*, worker: User) -> Alert | None:
    return Alert.objects.filter(worker=worker, kind=Alert.Kind.PROFILE).first()


@transaction.atomic
def profile_matching_set(
    *, worker: User, enabled: bool, frequency: str = Alert.Frequency.DAILY
) -> Alert | None:
    """Opt in to (or out of) "gigs that fit my profile" alerts."""
    _require_worker(worker)
    alert = profile_alert_for(worker=worker)
    if not enabled:
        if alert is not None:
            alert.delete()
        return None
    if alert is None:
        alert = Alert(
            worker=worker, kind=Alert.Kind.PROFILE, name=_("Sesuai profil saya"), frequency=frequency
        )
    _copy_profile(alert, worker)
    alert_save(alert)
    return alert


def alert_sync_profile(*, worker: User) -> None:
    """Refresh the worker's profile alert after the profile changed (no-op if not opted in)."""
    alert = profile_alert_for(worker=worker)
    if alert is not None:
        _copy_profile(alert, worker)
        alert_save(alert)


def _copy_profile(alert: Alert, worker: User) -> None:
    profile = getattr(worker, "worker_profile", None)
    alert.q = ""
    alert.pay_model = ""
    alert.schedule = []
    alert.channels = list(getattr(profile, "channels", []) or [])
    alert.duties = list(getattr(profile, "duties", []) or [])
    city = (getattr(profile, "city", "") or "").strip()
    open_to_remote = getattr(profile, "open_to_remote", True)
    # A city: gigs there, plus remote ones if WFH is fine. No city: remote gigs only if WFH
    # is fine, anything otherwise (we know nothing about where they can work).
    alert.city = city
    alert.remote_ok = bool(city) and open_to_remote
    alert.work_mode = WorkMode.REMOTE if (not city and open_to_remote) else ""
    alert.min_pay = getattr(profile, "expected_pay_min", None) or None
    alert.min_pay_unit = getattr(profile, "expected_pay_model", "") or ""
