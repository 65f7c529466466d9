from django import template

from ..whatsapp import client

register = template.Library()


@register.simple_tag
def whatsapp_available() -> bool:
    """True when the WhatsApp channel is configured (links to its settings are shown)."""
    return client.enabled()
