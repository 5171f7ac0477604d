"""The FastAPI app of orders. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

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


app = FastAPI(title="orders", lifespan=lifespan)


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


@app.get("/orders/{order_id}")
async def _route_get_orders_by_order_id(request: Request) -> Any:
    return await run_in_threadpool(handlers.get_orders_by_order_id, request.path_params["order_id"])


@app.post("/orders/addToCart")
async def _route_post_orders_add_to_cart(request: Request) -> Any:
    return await run_in_threadpool(handlers.post_orders_add_to_cart, await _json_body(request))
