import type { ContractField } from '../../../model/contracts';
import { lit, type StubPlan } from './plan';
import { pySampleDict } from './pyvalues';
import { endpointArgs } from './restClients';

function fieldsDoc(fields: readonly ContractField[]): string {
  return fields.length ? `{${fields.map((f) => `${f.name}: ${f.type}`).join(', ')}}` : '{}';
}

/** `app/handlers.py`: the user's code, with a TODO body returning sample data per handler. */
export function handlersPy(p: StubPlan): string {
  const rest = p.endpoints.map((e) => {
    const { params, body } = endpointArgs(e);
    const sig = [...params.values()].map((n) => `${n}: str`);
    if (body) sig.push(`${body}: dict[str, Any]`);
    const req = e.request.length ? `; body ${fieldsDoc(e.request)}` : '';
    return `

def ${e.snake}(${sig.join(', ')}) -> dict[str, Any]:
    """${e.method} ${e.path}${req}; answers ${fieldsDoc(e.response)}."""
    # TODO: replace the sample data with your logic.
    return ${pySampleDict(e.response, '    ')}
`;
  });
  const rpcs = p.rpcs.map(
    (r) => `

def rpc_${r.snake}(request: dict[str, Any]) -> dict[str, Any]:
    """gRPC ${r.name}: request ${fieldsDoc(r.request)}; answers ${fieldsDoc(r.response)}."""
    # TODO: replace the sample data with your logic.
    return ${pySampleDict(r.response, '    ')}
`,
  );
  const clients = [
    ...p.rest.map((r) => `# from .plumbing.rest_clients import ${r.instance}`),
    ...p.grpc.map((g) => `# from .plumbing.grpc_clients import ${g.instance}`),
  ];
  return `"""The code of ${p.dns} that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file.
"""

from __future__ import annotations

from typing import Any
${clients.length ? `\n# Typed clients of the services this one calls:\n${clients.join('\n')}\n` : ''}${rest.join('')}${rpcs.join('')}

def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; \`message\` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
`;
}

/** `app/main.py` of the FastAPI stub. */
export function fastapiMainPy(p: StubPlan): string {
  const routes = p.endpoints.map((e) => {
    const { params, body } = endpointArgs(e);
    const args = [...params.keys()].map((k) => `request.path_params[${lit(k)}]`);
    if (body) args.push('await _json_body(request)');
    return `

@app.${e.method.toLowerCase()}(${lit(e.path)})
async def _route_${e.snake}(request: Request) -> Any:
    return await run_in_threadpool(handlers.${e.snake}${args.map((a) => `, ${a}`).join('')})
`;
  });
  return `"""The FastAPI app of ${p.dns}. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from . import handlers
from .plumbing import ping, ready, runtime


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    runtime.start()
    yield
    runtime.stop()


app = FastAPI(title=${lit(p.dns)}, lifespan=lifespan)


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        body = await request.json()
    except ValueError as exc:
        raise HTTPException(status_code=400, detail="the body is not JSON") from exc
    if not isinstance(body, dict):
        raise HTTPException(status_code=400, detail="the body is not a JSON object")
    return body


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/readyz")
def readyz() -> JSONResponse:
    unreachable = ready.unreachable()
    if unreachable:
        return JSONResponse({"status": "unavailable", "unreachable": unreachable}, status_code=503)
    return JSONResponse({"status": "ok"})


@app.get("/ping")
def ping_route(path: str = "") -> dict[str, Any]:
    return ping.tree(ping.parse_path(path))
${routes.join('')}`;
}

/** `app/main.py` of the Flask stub. */
export function flaskMainPy(p: StubPlan): string {
  const routes = p.endpoints.map((e) => {
    const { params, body } = endpointArgs(e);
    const args = [...params.keys()].map((k) => `params[${lit(k)}]`);
    if (body) args.push('_json_body()');
    const flaskPath = e.path.replace(/\{([a-z0-9_]+)\}/g, '<$1>');
    return `

@app.${e.method.toLowerCase()}(${lit(flaskPath)})
def _route_${e.snake}(**params: str) -> Any:
    return jsonify(handlers.${e.snake}(${args.join(', ')}))
`;
  });
  return `"""The Flask app of ${p.dns}. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, jsonify, request

from . import handlers
from .plumbing import ping, ready, runtime

app = Flask(${lit(p.dns)})
app.json.sort_keys = False  # type: ignore[attr-defined]
runtime.start()


def _json_body() -> dict[str, Any]:
    if not request.get_data():
        return {}
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        abort(400, "the body is not a JSON object")
    return body


@app.get("/healthz")
def healthz() -> Any:
    return jsonify(status="ok")


@app.get("/readyz")
def readyz() -> Any:
    unreachable = ready.unreachable()
    if unreachable:
        return jsonify(status="unavailable", unreachable=unreachable), 503
    return jsonify(status="ok")


@app.get("/ping")
def ping_route() -> Any:
    return jsonify(ping.tree(ping.parse_path(request.args.get("path"))))
${routes.join('')}`;
}

/** `app/__main__.py`: \`python -m app\` starts the HTTP server on PORT. */
export function entryPy(p: StubPlan, flavour: 'fastapi' | 'flask'): string {
  const serve =
    flavour === 'fastapi'
      ? `    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=config.http_port(), log_level="info")`
      : `    import signal
    import sys

    from waitress import serve

    from .main import app

    # as PID 1 in a container no signal has a default action: stop at once on docker stop
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serve(app, host="0.0.0.0", port=config.http_port(), threads=16)`;
  return `"""Starts ${p.dns}: \`python -m app\`. Generated: do not edit."""

from __future__ import annotations

import logging

from .plumbing import config


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # failures already show in /ping and in the consumers' retry warnings
    logging.getLogger("pika").setLevel(logging.CRITICAL)
    for chatty in ("nats", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
${serve}


if __name__ == "__main__":
    main()
`;
}
