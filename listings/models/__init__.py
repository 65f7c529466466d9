from .gig import Gig, GigTimeWindow
from .moderation import GigEvent, Report
from .screening import EmployerEvent, GigScreening

__all__ = ["EmployerEvent", "Gig", "GigEvent", "GigScreening", "GigTimeWindow", "Report"]
