"""Producers and consumers of the service contract's brokers. Generated: do not edit."""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from typing import Any, Callable

from . import config

log = logging.getLogger(__name__)

_counter = 0
_counter_lock = threading.Lock()
_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def envelope(link: config.QueueLink, hop: list[str]) -> dict[str, Any]:
    """The message of the contract: id, from, topic, path and the declared payload."""
    global _counter
    with _counter_lock:
        _counter += 1
        n = _counter
    me = config.service_name()
    return {"id": f"{me}-{n}", "from": me, "topic": link.topic, "path": hop, "payload": link.payload}


def _cached(key: str, make: Callable[[], Any]) -> Any:
    with _clients_lock:
        if key not in _clients:
            _clients[key] = make()
        return _clients[key]


def _drop(key: str) -> None:
    with _clients_lock:
        _clients.pop(key, None)


def _deliver(link: config.QueueLink, body: bytes | str) -> None:
    """Hands a consumed message to the plumbing and the user's handler; skips bodies it cannot parse."""
    try:
        message = json.loads(body)
    except ValueError:
        log.warning("skipped a message on %s that is not JSON", link.topic)
        return
    if not isinstance(message, dict):
        log.warning("skipped a message on %s that is not a JSON object", link.topic)
        return
    from .. import handlers
    from . import ping

    ping.record(link.broker, link.topic, message, link.payload)
    try:
        handlers.on_message(link.broker, link.topic, message)
    except Exception:  # the user's handler must not stop the consumer
        log.exception("on_message failed for %s", link.topic)


def _retrying(name: str, run: Callable[[], None]) -> None:
    """Runs a consumer loop forever in a daemon thread, reconnecting with backoff."""

    def loop() -> None:
        delay = 0.5
        while True:
            started = time.monotonic()
            try:
                run()
            except Exception as exc:
                log.warning("%s: %s; retrying in %.1fs", name, exc, delay)
            if time.monotonic() - started > 30:
                delay = 0.5
            time.sleep(delay)
            delay = min(delay * 2, 10.0)

    threading.Thread(target=loop, name=name, daemon=True).start()


def _consumer_id() -> str:
    return f"{config.service_name()}-{socket.gethostname()}-{os.getpid()}"


_PUBLISHERS: dict[str, Callable[[config.QueueLink, bytes], None]] = {}
_CONSUMERS: dict[str, Callable[[str, list[config.QueueLink]], None]] = {}


def publish(link: config.QueueLink, hop: list[str]) -> str:
    """Publishes one message of the contract on a link and returns its id; raises on failure.
    For the Celery workers of the topic it enqueues a task each, and the plain message only when
    other services consume the topic too."""
    message = envelope(link, hop)
    if not link.plain:
        return str(message["id"])
    publisher = _PUBLISHERS.get(link.kind)
    if publisher is None:
        raise RuntimeError(f"no publisher for {link.kind}")
    try:
        publisher(link, json.dumps(message).encode("utf-8"))
    except Exception:
        # librdkafka reconnects by itself; other clients are made anew on the next call
        if link.kind != "kafka":
            _drop(f"{link.kind} {os.environ.get(link.env, '')}")
        raise
    return str(message["id"])


def start_consumers() -> None:
    """Subscribes to every topic of the service, one background consumer per broker."""
    groups: dict[tuple[str, str, str], list[config.QueueLink]] = {}
    for link in config.SUBSCRIBES:
        groups.setdefault((link.kind, link.broker, link.env), []).append(link)
    for (kind, broker, url_env), links in groups.items():
        consume = _CONSUMERS.get(kind)
        if consume is not None:
            _retrying(f"{kind}-{broker}", lambda consume=consume, url_env=url_env, links=links: consume(url_env, links))
