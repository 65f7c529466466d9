from .alerts import Alert, GigFanOut, Notification
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
    "GigFanOut",
    "GigTimeWindow",
    "InboxItem",
    "Notification",
    "Report",
]
