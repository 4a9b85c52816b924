"""Reading what the site answered a test's request."""

from django.contrib.messages import get_messages


def messages_of(response, with_levels=False):
    """The messages the request left for the visitor: their texts, or (level tag, text) pairs."""
    messages = get_messages(response.wsgi_request)
    if with_levels:
        return [(message.level_tag, str(message)) for message in messages]
    return [str(message) for message in messages]
