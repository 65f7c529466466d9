from django import template

from ..money import format_rupiah

register = template.Library()


@register.filter
def rupiah(amount) -> str:
    """{{ 1500000|rupiah }} -> 'Rp 1.500.000'."""
    if amount in (None, ""):
        return ""
    return format_rupiah(amount)
