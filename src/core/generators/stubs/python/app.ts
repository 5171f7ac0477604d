import { rpcHandlersPy } from './grpc';
import { lit, type StubPlan } from './plan';
import { restHandlerNames, restHandlersPy, successStatus } from './restClients';
import { pyParamType, pyPayloadType, routeParams, routePath, WK_IMPORTS } from './typed';

/** `app/handlers.py`: the user's code, typed, with a TODO body returning sample data per handler. */
export function handlersPy(p: StubPlan): string {
  const clients = [
    ...p.rest.map((r) => `# from .plumbing.rest_clients import ${r.instance}`),
    ...p.grpc.map((g) => `# from .plumbing.grpc_clients import ${g.instance}`),
  ];
  const grpcImports = p.own
    ? `
from collections.abc import Iterator

import grpc
from google.protobuf import json_format
${WK_IMPORTS.join('\n')}

${p.pb.imports(false).join('\n')}
`
    : '';
  return `"""The code of ${p.dns} that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file. The types
are generated too: REST bodies in app/models.py, gRPC messages from proto/ (protogen/).
"""

from __future__ import annotations

from typing import Any
${grpcImports}
from . import models  # noqa: F401
from .plumbing.exercise import Problem  # noqa: F401
${clients.length ? `\n# Typed clients of the services this one calls:\n${clients.join('\n')}\n` : ''}${restHandlersPy(p)}${rpcHandlersPy(p)}

def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; \`message\` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
`;
}

const FASTAPI_PROBLEM = `

def _answer(status: int, body: Any) -> Response:
    if body is None and status == 204:
        return Response(status_code=204)
    return JSONResponse(body, status_code=status)


async def _serve(request: Request, run: Any) -> Response:
    raw = await request.body()
    try:
        status, body = await run_in_threadpool(
            run, dict(request.path_params), request.query_params.getlist, request.headers.get, raw
        )
    except exercise.Problem as problem:
        return JSONResponse(problem.body(), status_code=problem.status, media_type="application/problem+json")
    return _answer(status, body)
`;

const PROBLEM_TITLES: Record<string, string> = {
  '400': 'Bad Request',
  '404': 'Not Found',
  '409': 'Conflict',
  '422': 'Unprocessable Content',
  '500': 'Internal Server Error',
};

/**
 * The OpenAPI of the routes: they read their parameters and body in the plumbing (so that a body
 * that does not fit is a 422 problem, and an exercise call is checked), so each declares its
 * Pydantic models, parameters and problem answers for /docs and /openapi.json instead.
 */
const FASTAPI_OPENAPI = `

#: The models the request bodies and parameters refer to, for components/schemas.
_SCHEMAS: dict[str, Any] = {}
_PROBLEM = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
}


def _schema(kind: Any) -> dict[str, Any]:
    """The JSON schema of a type; the models it uses go to components/schemas."""
    schema = TypeAdapter(kind).json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in schema.pop("$defs", {}).items():
        _SCHEMAS.setdefault(name, sub)
    return schema


def _request(body: Any, params: list[tuple[str, str, bool, Any]]) -> dict[str, Any]:
    """The OpenAPI of a route's parameters (name, in, required, type) and JSON body."""
    extra: dict[str, Any] = {}
    if params:
        extra["parameters"] = [
            {"name": name, "in": where, "required": required, "schema": _schema(kind)}
            for name, where, required, kind in params
        ]
    if body is not None:
        extra["requestBody"] = {"content": {"application/json": {"schema": _schema(body)}}}
    return extra


def _problems(statuses: dict[int | str, str]) -> dict[int | str, dict[str, Any]]:
    """The error answers of a route: RFC 9457 application/problem+json."""
    return {
        status: {"description": description, "content": {"application/problem+json": {"schema": _PROBLEM}}}
        for status, description in statuses.items()
    }


def _openapi() -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, sub in _SCHEMAS.items():
            components.setdefault(name, sub)
        app.openapi_schema = schema
    return app.openapi_schema


app.openapi = _openapi  # type: ignore[method-assign]
`;

/** `app/main.py` of the FastAPI stub. */
export function fastapiMainPy(p: StubPlan): string {
  const names = restHandlerNames(p);
  const routes = p.ownEndpoints.map((e) => {
    const n = names.get(e) ?? 'op';
    const status = successStatus(e);
    // a path parameter is documented by the name the route gives it (routePath)
    const route = routeParams(e);
    const params = e.params.map(
      (prm) =>
        `(${lit(prm.in === 'path' ? (route.get(prm.name) ?? prm.name) : prm.name)}, ${lit(prm.in)}, ${prm.in === 'path' || prm.required ? 'True' : 'False'}, ${pyParamType(prm)})`,
    );
    const errors = new Map<string, string>();
    for (const r of e.responses)
      if (/^[45]/.test(r.status)) errors.set(r.status, r.description ?? PROBLEM_TITLES[r.status] ?? 'Error');
    if (e.params.length > 0 && !errors.has('400')) errors.set('400', 'A parameter does not fit its type');
    if (e.body && !errors.has('422')) errors.set('422', 'The body does not fit the contract');
    const problems = [...errors].map(
      ([st, d]) => `${/^\d+$/.test(st) ? st : lit(st)}: ${lit(d.replace(/\s+/g, ' ').slice(0, 160))}`,
    );
    const args = [
      lit(routePath(e, 'fastapi')),
      `methods=[${lit(e.method)}]`,
      `status_code=${status}`,
      `response_model=${e.success.body ? pyPayloadType(e.success.body) : 'None'}`,
      `responses=_problems({${problems.join(', ')}})`,
      `openapi_extra=_request(${e.body ? pyPayloadType(e.body) : 'None'}, [${params.join(', ')}])`,
    ];
    return `

@app.api_route(
    ${args.join(',\n    ')},
)
async def _route_${n}(request: Request) -> Response:
    return await _serve(request, rest_server.${n})
`;
  });
  const docs = p.ownEndpoints.length > 0 ? FASTAPI_OPENAPI : '';
  return `"""The FastAPI app of ${p.dns}. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
${p.ownEndpoints.length ? 'from fastapi.openapi.utils import get_openapi\n' : ''}from fastapi.responses import JSONResponse
${p.ownEndpoints.length ? 'from pydantic import TypeAdapter\n' : ''}from starlette.concurrency import run_in_threadpool

${p.ownEndpoints.length ? 'from . import models\n' : ''}from .plumbing import exercise, ping, ready, rest_server, runtime


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    runtime.start()
    yield
    runtime.stop()


app = FastAPI(title=${lit(p.dns)}, lifespan=lifespan)
${FASTAPI_PROBLEM}${docs}

# async: answered on the event loop, without the hop to a worker thread that a plain def costs
@app.get("/healthz")
async def healthz() -> dict[str, str]:
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
  const names = restHandlerNames(p);
  const routes = p.ownEndpoints.map((e) => {
    const n = names.get(e) ?? 'op';
    return `

@app.route(${lit(routePath(e, 'flask'))}, methods=[${lit(e.method)}], endpoint=${lit(`route_${n}`)})
def _route_${n}(**params: str) -> Any:
    return _serve(params, rest_server.${n})
`;
  });
  return `"""The Flask app of ${p.dns}. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, Response, jsonify, request

from .plumbing import exercise, ping, ready, rest_server, runtime

app = Flask(${lit(p.dns)})
app.json.sort_keys = False  # type: ignore[attr-defined]
runtime.start()


def _serve(params: dict[str, str], run: Any) -> Any:
    try:
        status, body = run(params, request.args.getlist, request.headers.get, request.get_data())
    except exercise.Problem as problem:
        return Response(json.dumps(problem.body()), status=problem.status, mimetype="application/problem+json")
    if body is None and status == 204:
        return Response(status=204)
    return Response(json.dumps(body), status=status, mimetype="application/json")


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
