from django import template

from ..discovery.selectors import absolute_url

register = template.Library()


@register.filter
def site_url(path: str) -> str:
    """{{ profile.get_absolute_url|site_url }} -> 'https://lokercs.id/usaha/3/' (SITE_URL)."""
    return absolute_url(path)
