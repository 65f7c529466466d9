"""The signup form allauth uses (ACCOUNT_FORMS["signup"])."""

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password


class EqualTimeSignupForm(SignupForm):
    """Signing up with a taken address does the same work as a new signup.

    A new account costs a password hash and an email; a taken address (allauth answers the
    same page and emails the owner) used to skip the hash, so its answer came ~20x sooner and
    told anyone timing it that the address is registered. Hash the typed password either way.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
