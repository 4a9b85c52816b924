"""QR codes of a lot's public page, for labels: SVG for print shops, PNG for everything else."""

import io

import segno
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header

from .badges import trace_url

QR_FORMATS = {"svg": ("image/svg+xml", {}), "png": ("image/png", {"scale": 8})}


def qr_path(lot, fmt, product=None):
    """Where the lot's QR code is: beside its GS1 Digital Link when the product has a GTIN."""
    product = product or lot.product
    if product.gtin:
        return f"{trace_url(lot, product)}/qr.{fmt}"
    return reverse("catalogue:trace-qr", kwargs={"product_pk": product.pk, "lot": lot.lot_code, "fmt": fmt})


def qr_download(request, lot, fmt):
    """The QR code of ``lot``'s public page as an attachment; 404 for a format not offered."""
    if fmt not in QR_FORMATS:
        raise Http404
    content_type, options = QR_FORMATS[fmt]
    qr = segno.make_qr(request.build_absolute_uri(trace_url(lot)), error="m", boost_error=False)
    image = io.BytesIO()
    qr.save(image, kind=fmt, border=4, **options)
    response = HttpResponse(image.getvalue(), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"qr-{lot.lot_code}.{fmt}"
    )
    return response
