"""Request ids in Celery tasks: a task's log records carry the id of the request that queued it.

Publishing adds the current request id to the task message's headers; a worker binds it
(or, for a task not queued from a request, the task's own id) while the task runs. Tasks run
in-process (no broker) keep the id of the request they run in.
"""

from contextlib import suppress

from celery.signals import before_task_publish, task_postrun, task_prerun

from .context import Context, bind, current, unbind

HEADER = "x_request_id"
_tokens = {}


def on_publish(headers=None, **kwargs):
    context = current()
    if context is not None and headers is not None:
        headers.setdefault(HEADER, context.request_id)


def on_task_start(task_id=None, task=None, **kwargs):
    context = current()
    if context is not None and context.request is not None:
        return  # run in-process, inside the request: its id and user stay
    request_id = getattr(getattr(task, "request", None), HEADER, None) or task_id
    if request_id:
        _tokens[task_id] = bind(Context(request_id=str(request_id)))


def on_task_end(task_id=None, **kwargs):
    token = _tokens.pop(task_id, None)
    if token is not None:
        with suppress(ValueError):  # bound in another context (thread): nothing to restore here
            unbind(token)


def connect():
    before_task_publish.connect(on_publish, dispatch_uid="operations.request_id.publish", weak=False)
    task_prerun.connect(on_task_start, dispatch_uid="operations.request_id.start", weak=False)
    task_postrun.connect(on_task_end, dispatch_uid="operations.request_id.end", weak=False)
