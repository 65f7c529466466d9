from .gig import Gig, GigTimeWindow
from .inbox import InboxItem
from .moderation import GigEvent, Report

__all__ = ["Gig", "GigEvent", "GigTimeWindow", "InboxItem", "Report"]
