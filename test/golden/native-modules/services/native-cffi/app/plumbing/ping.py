"""The /ping fan-out of the service contract (docs/stub-contract.md). Generated: do not edit."""

from __future__ import annotations

import json
import logging
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from . import config, databases, messaging, native

log = logging.getLogger(__name__)

_received: deque[dict[str, Any]] = deque(maxlen=20)
_lock = threading.Lock()


def record(broker: str, topic: str, envelope: dict[str, Any], expected: Any = None) -> None:
    """Keeps a consumed message for the next /ping answer (the last 20, newest last); `valid`
    says whether its payload is the sample of the channel's message."""
    entry = {
        "broker": broker,
        "topic": topic,
        "from": envelope.get("from"),
        "id": envelope.get("id"),
        "valid": envelope.get("payload") == expected,
    }
    with _lock:
        _received.append(entry)


def received() -> list[dict[str, Any]]:
    with _lock:
        return list(_received)


def parse_path(raw: str | None) -> list[str]:
    """The hop path of a request: `?path=a,b` lists the services it already passed through."""
    if not raw:
        return []
    return [part.strip() for part in raw.split(",") if part.strip()]


def _guard(base: dict[str, Any], call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return {**base, "ok": True, **call()}
    except Exception as exc:  # a failed link is part of the answer, never a crash
        return {**base, "ok": False, "error": f"{type(exc).__name__}: {exc}"}


def _rest(link: config.RestLink, hop: list[str]) -> dict[str, Any]:
    def call() -> dict[str, Any]:
        url = config.env(link.env).rstrip("/") + "/ping"
        resp = config.http_client().get(url, params={"path": ",".join(hop)}, timeout=config.call_timeout(len(hop)))
        if resp.status_code != 200:
            raise RuntimeError(f"HTTP {resp.status_code} from {url}")
        return {"tree": resp.json()}

    entry = _guard({"via": "rest", "target": link.target}, call)
    if link.typed and link.client:
        from . import rest_clients

        entry["methods"] = getattr(rest_clients, link.client).exercise(config.TIMEOUT)
    return entry


def _grpc(link: config.GrpcLink, hop: list[str]) -> dict[str, Any]:
    def call() -> dict[str, Any]:
        if not link.client:
            raise RuntimeError(f"{link.target} serves no gRPC")
        from . import grpc_clients

        client = getattr(grpc_clients, link.client)
        return {"tree": json.loads(client.ping(hop, timeout=config.call_timeout(len(hop))))}

    entry = _guard({"via": "grpc", "target": link.target}, call)
    if link.typed and link.client:
        from . import grpc_clients

        entry["methods"] = getattr(grpc_clients, link.client).exercise(config.TIMEOUT)
    return entry


def _queue(link: config.QueueLink, hop: list[str]) -> dict[str, Any]:
    base: dict[str, Any] = {"via": "queue", "broker": link.broker, "brokerKind": link.kind, "topic": link.topic}
    if link.celery:
        base["celery"] = list(link.celery)
    return _guard(base, lambda: {"id": messaging.publish(link, hop)})


def _database(link: config.DatabaseLink) -> dict[str, Any]:
    def call() -> dict[str, Any]:
        databases.check(link)
        return {}

    return _guard({"via": "database", "target": link.target}, call)


def tree(path: list[str]) -> dict[str, Any]:
    """The answer of /ping and of the gRPC Ping: who this is, and what each outgoing link said."""
    me = config.service_name()
    answer: dict[str, Any] = {
        "service": me,
        "language": config.LANGUAGE,
        "framework": config.FRAMEWORK,
        "ok": True,
        "loop": me in path,
        "path": [*path, me],
        "calls": [],
        "received": received(),
    }
    if answer["loop"]:
        return answer
    answer["native"] = native.call(me)
    hop: list[str] = answer["path"]
    tasks: list[Callable[[], dict[str, Any]]] = [
        *[lambda link=link: _rest(link, hop) for link in config.REST_LINKS],
        *[lambda link=link: _grpc(link, hop) for link in config.GRPC_LINKS],
        *[lambda link=link: _queue(link, hop) for link in config.PUBLISHES],
        *[lambda link=link: _database(link) for link in config.DATABASES],
    ]
    if len(tasks) == 1:  # no thread to start for a single link
        answer["calls"] = [tasks[0]()]
    elif tasks:
        with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
            answer["calls"] = list(pool.map(lambda task: task(), tasks))
    answer["received"] = received()
    return answer
