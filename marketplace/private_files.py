"""Stored files sent to whoever a view has let see them: typed as checked, never sniffed, never shared.

Foundation code: it knows files and responses, not the apps whose papers and scans it sends.
"""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control


def private_file_response(field_file, *, filename, content_type, as_attachment=False, private=True):
    """``field_file`` streamed as ``filename``; a file missing from storage is a 404, not a 500.

    ``content_type`` is the one established when the file was accepted: the browser must not
    guess another from the bytes. ``private`` keeps the response out of shared caches and off
    disk, for anything that is not public yet.
    """
    try:
        stream = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(stream, as_attachment=as_attachment, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
