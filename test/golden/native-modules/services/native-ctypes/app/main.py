"""The Flask app of native-ctypes. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, Response, jsonify, request

from .plumbing import exercise, ping, ready, rest_server, runtime

app = Flask("native-ctypes")
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


@app.route("/native-ctypes/<p0>", methods=["GET"], endpoint="route_get_native_ctypes_by_id")
def _route_get_native_ctypes_by_id(**params: str) -> Any:
    return _serve(params, rest_server.get_native_ctypes_by_id)
