"""Employer insights: how often each gig is seen (search impressions, detail views), how many
apply and how many get shortlisted, per day, for the owner's dashboard.

Counting is cheap on purpose: a results page adds its cards' impressions to one Redis hash in
one round trip (`counters.py`); a beat task folds the hashes into `GigDailyStat` rows with one
upsert per batch (`services.gig_traffic_flush`). Without Redis (the quick start) the counts
are buffered in the process and folded in the same way.
"""
