"""The picture of a VietQR payload, drawn with segno: PNG for the page's image, SVG to embed."""

import io

import segno


def _code(payload: str):
    # Medium error correction, as the banks' own VietQR codes: still read off a dim phone screen.
    return segno.make_qr(payload, error="m")


def png(payload: str, scale: int = 8) -> bytes:
    """The QR code as a PNG with its quiet zone (4 modules), ``scale`` pixels a module."""
    out = io.BytesIO()
    _code(payload).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def svg(payload: str, scale: int = 6) -> str:
    """The QR code as an SVG element, without the XML declaration, to put inside a page."""
    out = io.BytesIO()
    _code(payload).save(out, kind="svg", scale=scale, border=4, xmldecl=False, svgns=True, svgclass="vietqr")
    return out.getvalue().decode()
