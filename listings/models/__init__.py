from .alerts import Alert, GigFanOut, GigFanOutRange, Notification
from .application import Application, ApplicationEvent
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .insights import GigDailyStat, PayInsight
from .moderation import GigEvent, Report, ReportEvent
from .outbox import OutboxMessage
from .review import Review, ReviewEvent, ReviewTag
from .screening import EmployerEvent, GigScreening
from .search import SearchWord
from .verification import VerificationCheck, VerificationEvent, VerificationRequest
from .whatsapp import WhatsAppMessage, WhatsAppOptIn, WhatsAppOptInEvent

__all__ = [
    "Alert",
    "Application",
    "ApplicationEvent",
    "EmployerEvent",
    "Gig",
    "GigEvent",
    "GigDailyStat",
    "GigFanOut",
    "GigFanOutRange",
    "GigScreening",
    "GigTimeWindow",
    "InboxItem",
    "Notification",
    "OutboxMessage",
    "PayInsight",
    "Report",
    "ReportEvent",
    "Review",
    "ReviewEvent",
    "ReviewTag",
    "SearchWord",
    "VerificationCheck",
    "VerificationEvent",
    "VerificationRequest",
    "WhatsAppMessage",
    "WhatsAppOptIn",
    "WhatsAppOptInEvent",
]
