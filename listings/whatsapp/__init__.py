"""WhatsApp as a notification channel (WhatsApp Business Cloud API).

- `client`: one HTTP call, `POST /{version}/{phone-number-id}/messages` with a template.
- `channel`: the delivery channel for match notifications (same ledger as email).
- `services`: the worker's verified opt-in, and the ledger for application updates.
Everything is off unless WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN are set.
"""
