"""The first authentication backend: refuses sign-ins while their account or address is locked."""

from axes.backends import AxesStandaloneBackend


class SignInThrottleBackend(AxesStandaloneBackend):
    """Axes' lock check, for sign-ins made by a visitor through a login form.

    Axes refuses to work without the request (it counts by the client's address). Code that
    checks a password it has just set, with no visitor's guess to count, calls
    ``authenticate()`` without one: Oscar's registration, logging the new customer in, and
    Django's test client. Those pass here to the other backends. Every login form passes its
    request (the checkout's sign-in too: marketplace.checkout.views.GatewayView).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
