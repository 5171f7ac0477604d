"""The Flask app of class. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, jsonify, request

from . import handlers
from .plumbing import ping, ready, runtime

app = Flask("class")
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
