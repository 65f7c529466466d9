from .alerts import Alert, Notification
from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .moderation import GigEvent, Report

__all__ = ["Alert", "Gig", "GigEvent", "GigTimeWindow", "InboxItem", "Notification", "Report"]
