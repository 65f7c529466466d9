from django import template

from ..screening.labels import evidence_text, label_for

register = template.Library()


@register.filter
def signal_label(reason) -> str:
    """{{ reason|signal_label }}: a stored screening reason's label in the reader's language."""
    if not isinstance(reason, dict):
        return ""
    return label_for(reason.get("code", ""), reason.get("label", ""))


@register.filter
def signal_evidence(reason) -> str:
    """{{ reason|signal_evidence }}: what made a stored reason fire, figures in the reader's language."""
    if not isinstance(reason, dict):
        return ""
    return evidence_text(reason.get("evidence", ""), reason.get("params"))
