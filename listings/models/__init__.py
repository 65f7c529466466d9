from .alerts import Alert, Notification
from .application import Application, ApplicationEvent
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .moderation import GigEvent, Report

__all__ = [
    "Alert",
    "Application",
    "ApplicationEvent",
    "Gig",
    "GigEvent",
    "GigTimeWindow",
    "InboxItem",
    "Notification",
    "Report",
]
