from allauth.account.adapter import DefaultAccountAdapter

from jobboard.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits key on the same client address as every other limiter."""
        return client_ip(request)
