"""The FastAPI app of native-rust. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .plumbing import exercise, ping, ready, rest_server, runtime


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    runtime.start()
    yield
    runtime.stop()


app = FastAPI(title="native-rust", lifespan=lifespan)


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
