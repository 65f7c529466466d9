"""Forms for gig pages. The search form is the FilterSet in `listings/filters.py`."""
