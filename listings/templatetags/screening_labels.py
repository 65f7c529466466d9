from django import template

from ..screening.labels import label_for

register = template.Library()


@register.filter
def signal_label(reason) -> str:
    """{{ reason|signal_label }}: a stored screening reason's label in the reader's language."""
    if not isinstance(reason, dict):
        return ""
    return label_for(reason.get("code", ""), reason.get("label", ""))
