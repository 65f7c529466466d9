"""schema.org JobPosting for a gig detail page (rendered by the `ld_json` filter, which escapes it)."""

from django.conf import settings
from django.urls import reverse

from listings.models import Gig
from listings.verification.selectors import verification_badge
from listings.vocabulary import PayModel, Schedule, WorkMode

_UNIT = {
    PayModel.HOURLY: "HOUR",
    PayModel.DAILY: "DAY",
    PayModel.WEEKLY: "WEEK",
    PayModel.MONTHLY: "MONTH",
}
_EMPLOYMENT = {
    Schedule.FULL_TIME: "FULL_TIME",
    Schedule.PART_TIME: "PART_TIME",
    Schedule.FLEXIBLE: "PART_TIME",
    Schedule.ON_CALL: "PER_DIEM",
}


def _organization(gig: Gig) -> dict:
    profile = getattr(gig.employer, "employer_profile", None)
    if profile is None:
        return {"@type": "Organization", "name": gig.employer.display_name}
    organization = {
        "@type": "Organization",
        "name": profile.business_name,
        "url": settings.SITE_URL + profile.get_absolute_url(),
    }
    if profile.logo:
        organization["logo"] = settings.SITE_URL + reverse("accounts:employer_logo", args=[profile.pk])
    same_as = [url for url in (profile.instagram_url, profile.marketplace_url, profile.website_url) if url]
    if same_as:
        organization["sameAs"] = same_as
    return organization


def _base_salary(gig: Gig) -> dict | None:
    """A range per unit of time, as Google asks. Per-project pay has no unit of time, so it is
    omitted (the description says what a project pays); commission gigs carry their posted
    monthly base when there is one, the commission itself as `incentiveCompensation`."""
    if gig.pay_model == PayModel.COMMISSION:
        unit = "MONTH" if gig.pay_min else None
    else:
        unit = _UNIT.get(gig.pay_model)
    if unit is None:
        return None
    value = {"@type": "QuantitativeValue", "unitText": unit, "minValue": gig.pay_min}
    if gig.pay_max:
        value["maxValue"] = gig.pay_max
    return {"@type": "MonetaryAmount", "currency": "IDR", "value": value}


def job_posting(gig: Gig) -> dict:
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": gig.title,
        "description": gig.description,
        "datePosted": (gig.published_at or gig.created_at).isoformat(),
        "validThrough": gig.expires_at.isoformat(),
        "employmentType": sorted({_EMPLOYMENT[s] for s in gig.schedule if s in _EMPLOYMENT}) or ["OTHER"],
        "hiringOrganization": _organization(gig),
        "identifier": {"@type": "PropertyValue", "name": "Loker CS", "value": str(gig.pk)},
        "url": settings.SITE_URL + gig.get_absolute_url(),
        # Workers apply on the gig page itself, in one tap.
        "directApply": True,
    }
    badge = verification_badge(getattr(gig.employer, "employer_profile", None))
    if badge is not None:
        data["hiringOrganization"]["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "UMKM terverifikasi",
            "recognizedBy": {"@type": "Organization", "name": "Loker CS", "url": settings.SITE_URL},
            "description": "; ".join(badge.check_labels),
        }
    salary = _base_salary(gig)
    if salary:
        data["baseSalary"] = salary
    if gig.pay_model == PayModel.COMMISSION and gig.commission_description:
        data["incentiveCompensation"] = gig.commission_description
    if gig.work_mode == WorkMode.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Indonesia"}
    else:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": gig.city, "addressCountry": "ID"},
        }
    return data
