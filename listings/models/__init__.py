from .alerts import Alert, GigFanOut, Notification
from .application import Application, ApplicationEvent
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .moderation import GigEvent, Report, ReportEvent
from .screening import EmployerEvent, GigScreening

__all__ = [
    "Alert",
    "Application",
    "ApplicationEvent",
    "EmployerEvent",
    "Gig",
    "GigEvent",
    "GigFanOut",
    "GigScreening",
    "GigTimeWindow",
    "InboxItem",
    "Notification",
    "Report",
    "ReportEvent",
]
