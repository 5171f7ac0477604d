import { sampleOf } from '../../../model/contracts';
import { dnsLabel } from '../../../model/naming';
import { lit, type StubPlan } from './plan';
import { pyLiteral } from './typed';

/**
 * The files of the Python · Celery worker that the HTTP stubs do not have: the Celery app (its
 * broker, a queue per topic, the record of every task received), the small HTTP server of the
 * contract's health and `/ping` endpoints, the entry point, and the user's task bodies.
 */

/** `app/plumbing/celery_app.py`: the Celery app, its queues, and the record of received tasks. */
export function celeryAppPy(p: StubPlan): string {
  const b = p.celeryBroker;
  const rows = p.tasks.map(
    (t) => `    (${lit(t.name)}, ${lit(t.queue)}, ${pyLiteral(sampleOf(p.ctx.design, t.use.message))}),`,
  );
  return `"""The Celery app of ${p.dns}: its broker, a queue per topic, and what /ping shows of the tasks.

Generated: do not edit; the task bodies live in app/tasks.py. A task is named after its topic and
waits in the queue <topic>.<service> (every worker service has its own, its replicas share it);
producers enqueue it with Celery's send_task. Every task received is recorded for /ping, whatever
the body does with it, and its payload is checked against the sample of the topic's message.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from celery import Celery, signals
from kombu import Exchange, Queue

from . import config, ping

log = logging.getLogger(__name__)

#: The broker's name in the design, and the variable that holds its URL.
BROKER = ${lit(b ? dnsLabel(b.broker.name) : '')}
BROKER_ENV = ${lit(b?.envVar ?? '')}

#: Each task: its name (the topic), its queue, the sample payload of the topic's message.
TASKS: list[tuple[str, str, Any]] = [${rows.length ? `\n${rows.join('\n')}\n` : ''}]

app = Celery(config.DEFAULT_SERVICE_NAME, broker=os.environ.get(BROKER_ENV, "").strip() or None, include=["app.tasks"])
app.conf.update(
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    task_queues=[Queue(queue, Exchange(queue, type="direct"), routing_key=queue) for _, queue, _ in TASKS],
    task_routes={name: {"queue": queue} for name, queue, _ in TASKS},
    worker_hijack_root_logger=False,
    broker_connection_retry_on_startup=True,
    broker_connection_max_retries=None,
)

_EXPECTED = {name: payload for name, _, payload in TASKS}


@signals.task_received.connect
def _on_received(request: Any = None, **_: Any) -> None:
    """Runs in the worker's main process for every task taken from the broker, whatever the pool."""
    if request is None or request.name not in _EXPECTED:
        return
    message = request.request_dict
    args = message.get("args") or []
    envelope = {
        "id": message.get("polyglot_id") or request.id,
        "from": message.get("polyglot_from"),
        "payload": args[0] if args else None,
    }
    ping.record(BROKER, request.name, envelope, _EXPECTED[request.name])
`;
}

/** `app/plumbing/health.py`: the worker's small HTTP server, in a thread of the worker process. */
export const HEALTH_PY = `"""/healthz, /readyz and /ping of the service contract for a worker that serves no HTTP API.

Generated: do not edit. A small threaded HTTP server runs in a daemon thread of the worker's own
process, so /ping shows the tasks this process received and calls the links it has.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import config, ping, ready

log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    server_version = "worker-health"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        url = urlsplit(self.path)
        if url.path == "/healthz":
            self._send(200, {"status": "ok"})
        elif url.path == "/readyz":
            unreachable = ready.unreachable()
            if unreachable:
                self._send(503, {"status": "unavailable", "unreachable": unreachable})
            else:
                self._send(200, {"status": "ok"})
        elif url.path == "/ping":
            raw = parse_qs(url.query).get("path", [""])[0]
            self._send(200, ping.tree(ping.parse_path(raw)))
        else:
            problem = {"type": "about:blank", "title": "Not Found", "status": 404, "detail": f"no route {url.path}"}
            self._send(404, problem, "application/problem+json")

    def _send(self, status: int, body: Any, kind: str = "application/json") -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
        log.debug(format, *args)


def start() -> ThreadingHTTPServer:
    """Serves on PORT in a daemon thread; returns at once."""
    server = ThreadingHTTPServer(("0.0.0.0", config.http_port()), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="health", daemon=True).start()
    log.info("health and /ping on port %d", config.http_port())
    return server
`;

/** `app/__main__.py` of the worker: the health server, then the Celery worker in the main thread. */
export function celeryEntryPy(p: StubPlan): string {
  return `"""Starts ${p.dns}: \`python -m app\`. Generated: do not edit.

The health and /ping server runs in a thread; the Celery worker runs in the main thread (it
handles SIGTERM as a warm shutdown: running tasks finish). CELERY_POOL (default threads) and
CELERY_CONCURRENCY (default 4) choose its pool: /ping shows received tasks with any pool.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from .plumbing import celery_app, config, health


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pika").setLevel(logging.CRITICAL)
    for chatty in ("nats", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    health.start()
    if not celery_app.TASKS:
        logging.getLogger(__name__).warning("no topic to consume: connect a Redis or RabbitMQ topic to this worker")
        threading.Event().wait()
    if not os.environ.get(celery_app.BROKER_ENV, "").strip():
        sys.exit(f"{celery_app.BROKER_ENV} is not set: the worker has no broker to take its tasks from")
    pool = os.environ.get("CELERY_POOL") or "threads"
    concurrency = os.environ.get("CELERY_CONCURRENCY") or "4"
    celery_app.app.worker_main(
        [
            "worker",
            "--loglevel=INFO",
            f"--pool={pool}",
            f"--concurrency={concurrency}",
            f"--hostname={config.service_name()}@%h",
        ]
    )


if __name__ == "__main__":
    main()
`;
}

/** `app/tasks.py`: the user's task bodies, one Celery task per topic. */
export function tasksPy(p: StubPlan): string {
  const clients = [
    ...p.rest.map((r) => `# from .plumbing.rest_clients import ${r.instance}`),
    ...p.grpc.map((g) => `# from .plumbing.grpc_clients import ${g.instance}`),
  ];
  const tasks = p.tasks.map(
    (t) => `

@app.task(name=${lit(t.name)}, bind=True)
def ${t.fn}(self: Any, payload: dict[str, Any]) -> None:
    """The task of topic ${t.name} on ${dnsLabel(t.use.broker.name)}: \`payload\` is the JSON of its message."""
    # payload, for example: ${JSON.stringify(sampleOf(p.ctx.design, t.use.message))}
    # TODO: do the work. The plumbing already lists the task under "received" in /ping.
    return None
`,
  );
  return `"""The tasks of ${p.dns} that are yours to edit: one Celery task per topic it consumes.

Each task is named after its topic and takes the message's payload. Producers in Python enqueue it
with Celery's send_task (the generated stubs do, on every /ping); the plumbing in app/plumbing
records each task received and runs the worker. Regenerating the project rewrites the plumbing
but never needs to touch this file. Add Celery's options as you need them, e.g.
@app.task(name=..., bind=True, autoretry_for=(ConnectionError,), rate_limit="10/s").
"""

from __future__ import annotations

from typing import Any

from . import models  # noqa: F401
from .plumbing.celery_app import app
${clients.length ? `\n# Typed clients of the services this one calls:\n${clients.join('\n')}\n` : ''}${tasks.join('')}`;
}
