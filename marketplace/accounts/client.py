"""The address a request comes from, as far as it can be trusted.

Without a proxy (``TRUSTED_PROXY_COUNT = 0``, the default) that is the connection's own
address: an ``X-Forwarded-For`` header is whatever the client wrote and is ignored. Behind
proxies, each trusted one appends the address it saw to the header (ours, nginx, replaces
the client's claim with it: docker/nginx/templates), so with N trusted proxies the N-th
address from the right is the one the outermost proxy saw; anything to its left could
have been written by the client.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's IP address (``AXES_CLIENT_IP_CALLABLE``); None if there is no valid one."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            # Fewer addresses than proxies: every one of them was written by a trusted proxy.
            address = _valid(forwarded[-hops] if len(forwarded) >= hops else forwarded[0])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR", ""))


def _valid(value):
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
