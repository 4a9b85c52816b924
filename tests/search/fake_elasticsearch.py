"""A stand-in for an Elasticsearch cluster at the HTTP boundary.

The real client (``elasticsearch.Elasticsearch``) is used unchanged; only its
transport node is replaced by one that records each request and answers with
what the test prepared. So the tests see exactly the method, path, parameters and
body a cluster would receive, and the client parses the answers as it would.
"""

import json
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object  # a dict, a list of dicts for NDJSON (bulk), or None
    timeout: float | None = None  # the request timeout the client gave the node


class FakeCluster:
    """Records requests and answers them: as prepared for (method, path), else with success.

    ``unreachable``, when set to a transport error (``ConnectionError``,
    ``ConnectionTimeout``), is raised by every request instead, as a cluster that
    is down makes the real node raise it; the client retries it as it would.
    """

    def __init__(self):
        self.requests = []
        self.prepared = {}
        self.hooks = []
        self.unreachable = None

    def answer(self, method, path, body, status=200):
        self.prepared.setdefault((method, path), []).append((status, body))

    def on(self, method, path_suffix, action):
        """Call ``action(request)`` when the next such request arrives, before answering it (once)."""
        self.hooks.append((method, path_suffix, action))

    def requests_to(self, method, path_suffix=""):
        return [r for r in self.requests if r.method == method and r.path.endswith(path_suffix)]

    def client(self, **options):
        cluster = self

        class RecordingNode(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                request = cluster._record(method, target, body)
                request.timeout = request_timeout
                if cluster.unreachable is not None:
                    raise cluster.unreachable
                cluster._run_hooks(request)
                status, payload = cluster._respond(request)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(payload).encode())

        return Elasticsearch("http://search.test:9200", node_class=RecordingNode, **options)

    def _run_hooks(self, request):
        for hook in list(self.hooks):
            method, path_suffix, action = hook
            if request.method == method and request.path.endswith(path_suffix):
                self.hooks.remove(hook)
                action(request)

    def _record(self, method, target, body):
        url = urlsplit(target)
        request = Request(method, url.path, dict(parse_qsl(url.query)), _decode(url.path, body))
        self.requests.append(request)
        return request

    def _respond(self, request):
        prepared = self.prepared.get((request.method, request.path))
        if prepared:
            return prepared.pop(0)
        if request.path.endswith("/_bulk"):
            return 200, bulk_success(request.body)
        return 200, {"acknowledged": True}


def bulk_success(lines):
    """What a cluster answers when every action of a bulk request succeeds."""
    results = {"index": (201, "created"), "delete": (200, "deleted")}
    items = []
    for op, index, pk, _source in _pairs(lines):
        status, result = results[op]
        items.append({op: {"_index": index, "_id": str(pk), "status": status, "result": result}})
    return {"took": 1, "errors": False, "items": items}


def bulk_actions(request):
    """The (operation, index, id, source) of each action of a recorded bulk request."""
    return list(_pairs(request.body))


def _pairs(lines):
    lines = iter(lines)
    for line in lines:
        ((op, meta),) = line.items()
        yield op, meta["_index"], int(meta["_id"]), next(lines) if op == "index" else None


def search_response(ids, total=None, aggregations=None, sources=None):
    """A search answer holding these product ids as hits."""
    hits = [
        {"_index": "products", "_id": str(pk), "_score": 1.0, **({"_source": sources[i]} if sources else {})}
        for i, pk in enumerate(ids)
    ]
    body = {
        "took": 2,
        "timed_out": False,
        "hits": {"total": {"value": len(ids) if total is None else total, "relation": "eq"}, "hits": hits},
    }
    if aggregations is not None:
        body["aggregations"] = aggregations
    return body


def _decode(path, body):
    if not body:
        return None
    if path.endswith("/_bulk"):  # NDJSON: an action line, then the document for index actions
        return [json.loads(line) for line in body.decode().splitlines() if line]
    return json.loads(body)
