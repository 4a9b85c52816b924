"""Document downloads: Wagtail's serve view (privacy, ETags, the served signal) with honest headers.

Wagtail sends ``Content-Encoding`` set to what ``mimetypes`` guesses from the file's name, which
for a PDF is nothing, written as the literal "None". A stored document is sent as the bytes it
is, so it never carries a Content-Encoding; it is never sniffed into another type, and only the
types Wagtail shows inline (WAGTAILDOCS_INLINE_CONTENT_TYPES: PDF) are not a download.
"""

from django.urls import re_path
from wagtail.documents import urls as wagtail_urls
from wagtail.documents.views.serve import serve


def serve_document(request, document_id, document_filename):
    response = serve(request, document_id, document_filename)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtaildocs_serve"),
]
