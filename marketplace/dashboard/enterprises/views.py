"""The Department's review queue (to be built)."""

from django.http import Http404
from django.views import View


class ReviewQueueView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ReviewDetailView(ReviewQueueView):
    pass


class ReviewDecisionView(ReviewQueueView):
    pass
