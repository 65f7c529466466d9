from django import template

from ..insights.selectors import gig_pay_note, pay_benchmarks

register = template.Library()


@register.simple_tag(takes_context=True)
def pay_note(context, gig):
    """{% pay_note gig as note %}: the card's "Gaji wajar?" comparison. The peer figures are
    read once per request (one cache hit) however many cards the page has."""
    request = context.get("request")
    benchmarks = getattr(request, "_pay_benchmarks", None)
    if benchmarks is None:
        benchmarks = pay_benchmarks()
        if request is not None:
            request._pay_benchmarks = benchmarks
    return gig_pay_note(gig, benchmarks=benchmarks)
