from .application import Application, ApplicationEvent
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .moderation import GigEvent, Report
from .screening import EmployerEvent, GigScreening

__all__ = [
    "Application",
    "ApplicationEvent",
    "EmployerEvent",
    "Gig",
    "GigEvent",
    "GigScreening",
    "GigTimeWindow",
    "InboxItem",
    "Report",
]
