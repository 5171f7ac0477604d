"""The FastAPI app of native-cffi. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from . import models
from .plumbing import exercise, ping, ready, rest_server, runtime


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    runtime.start()
    yield
    runtime.stop()


app = FastAPI(title="native-cffi", lifespan=lifespan)


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


@app.api_route(
    "/native-cffi/{p0}",
    methods=["GET"],
    status_code=200,
    response_model=models.GetNativeCffiByIdResponse,
    responses=_problems({400: "A parameter does not fit its type"}),
    openapi_extra=_request(None, [("p0", "path", True, str)]),
)
async def _route_get_native_cffi_by_id(request: Request) -> Response:
    return await _serve(request, rest_server.get_native_cffi_by_id)
