from .alerts import Alert, GigFanOut, Notification
from .application import Application, ApplicationEvent
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .insights import GigDailyStat, PayInsight
from .moderation import GigEvent, Report
from .screening import EmployerEvent, GigScreening

__all__ = [
    "Alert",
    "Application",
    "ApplicationEvent",
    "EmployerEvent",
    "Gig",
    "GigEvent",
    "GigDailyStat",
    "GigFanOut",
    "GigScreening",
    "GigTimeWindow",
    "InboxItem",
    "Notification",
    "PayInsight",
    "Report",
]
