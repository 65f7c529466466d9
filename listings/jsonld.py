"""schema.org JobPosting for a gig detail page (rendered by the `ld_json` filter, which escapes it)."""

from django.conf import settings

from .models import Gig
from .vocabulary import PayModel, Schedule, WorkMode

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


def job_posting(gig: Gig) -> dict:
    profile = getattr(gig.employer, "employer_profile", None)
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": gig.title,
        "description": gig.description,
        "datePosted": (gig.published_at or gig.created_at).isoformat(),
        "validThrough": gig.expires_at.isoformat(),
        "employmentType": sorted({_EMPLOYMENT[s] for s in gig.schedule if s in _EMPLOYMENT}) or ["OTHER"],
        "hiringOrganization": {
            "@type": "Organization",
            "name": profile.business_name if profile else gig.employer.display_name,
        },
        "url": settings.SITE_URL + gig.get_absolute_url(),
        "directApply": True,
    }
    if gig.pay_model in _UNIT:
        value = {"@type": "QuantitativeValue", "unitText": _UNIT[gig.pay_model], "minValue": gig.pay_min}
        if gig.pay_max:
            value["maxValue"] = gig.pay_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "IDR", "value": value}
    elif gig.pay_model == PayModel.COMMISSION and gig.pay_estimate.month_low is not None:
        # Only the guaranteed monthly base (listings/pay.py): commission depends on sales.
        value = {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": gig.pay_estimate.month_low}
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "IDR", "value": value}
    if gig.work_mode == WorkMode.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Indonesia"}
    else:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": gig.city, "addressCountry": "ID"},
        }
    return data
