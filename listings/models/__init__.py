from .gig import Gig, GigTimeWindow
from .moderation import GigEvent, Report

__all__ = ["Gig", "GigEvent", "GigTimeWindow", "Report"]
