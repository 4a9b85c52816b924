"""A value asked at most once within a block of work, a request: the content revision every
page's kept parts read, the search index version every search of a page reads."""

from contextlib import contextmanager
from contextvars import ContextVar


class OncePerRequest:
    def __init__(self, name):
        self._answers = ContextVar(name, default=None)  # (ask, [answer]) within a block

    @contextmanager
    def within(self, ask):
        """Within the block, :meth:`get` is ``ask()``, asked at most once (again after :meth:`forget`)."""
        token = self._answers.set((ask, []))
        try:
            yield
        finally:
            self._answers.reset(token)

    def get(self):
        """The block's answer, asked now if not yet; ``None`` outside a block."""
        held = self._answers.get()
        if held is None:
            return None
        ask, answers = held
        if not answers:
            answers.append(ask())
        return answers[0]

    def forget(self):
        """The next :meth:`get` in this block asks again (what it answered has just changed)."""
        held = self._answers.get()
        if held is not None:
            held[1].clear()
