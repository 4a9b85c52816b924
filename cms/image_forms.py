"""Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), refusing in the editor's own language.

Wagtail judges an upload by its content already (Willow reads the header: a PDF or a page renamed
``.jpg``, an SVG, a picture of too many pixels are refused), but writes its refusals once, in
the language of the process that built the form. They are written again here for each request.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm


def refusals():
    formats = ", ".join(extension.upper() for extension in settings.WAGTAILIMAGES_EXTENSIONS)
    return {
        "invalid_image_extension": _(
            "This file is not a picture the exchange accepts. Upload a picture in one of these formats: "
            "%(formats)s."
        )
        % {"formats": formats},
        # Filled in by Wagtail with the name's extension and the format the content has.
        "invalid_image_known_format": _(
            "This file is not a .%(extension)s picture: its content is %(image_format)s. Upload a "
            "picture whose name says what it is."
        ),
        "file_too_many_pixels": _(
            "This picture is too large once opened (%(num_pixels)s pixels, at most %(max_pixels_count)s). "
            "Make it smaller and upload it again."
        ),
    }


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages.update(refusals())
