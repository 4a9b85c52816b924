"""Public evidence pages: OCOP certificates and traceability lots, and QR codes for labels (to be built)."""

from django.http import Http404
from django.views import View


class CertificateView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class TraceabilityView(CertificateView):
    pass


class TraceQrCodeView(CertificateView):
    pass
