from django import template

from ..search import explain_query

register = template.Library()


@register.filter
def understood(query: str) -> list[str]:
    """{{ alert.q|understood }} -> ['Gaji ≥ Rp 2.500.000/bulan', 'Remote (dari rumah)']: how
    search reads a saved query (no database work)."""
    return explain_query(query or "").understood
