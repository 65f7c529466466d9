from django.shortcuts import render

from .forms import PayInsightFilterForm
from .selectors import pay_insight_overview
from .services import MIN_SAMPLE, RECENT_DAYS


def pay_insights(request):
    """`/gaji/`: median and middle range of estimated monthly pay, from the precomputed table."""
    form = PayInsightFilterForm(request.GET or None)
    pay_model = form.cleaned_data["pay_model"] if form.is_valid() else ""
    context = {
        "form": form,
        "pay_model": pay_model,
        "min_sample": MIN_SAMPLE,
        "recent_days": RECENT_DAYS,
        **pay_insight_overview(pay_model=pay_model),
    }
    return render(request, "listings/insights/pay_insights.html", context)
