"""Pay insights (`/gaji/`): what gigs on the board pay, normalised to an estimated month.

`services.pay_insights_refresh` (beat task `refresh_pay_insights`) aggregates published and
recently closed gigs into `PayInsight` rows; pages and gig cards only read those rows.
"""
