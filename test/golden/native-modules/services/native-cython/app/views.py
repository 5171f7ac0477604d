"""The DRF views of native-cython. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .plumbing import exercise, ping, ready, rest_server


def _serve(request: Request, params: dict[str, str], run: Any) -> HttpResponse:
    try:
        status, body = run(params, request.query_params.getlist, request.headers.get, request.body)
    except exercise.Problem as problem:
        return HttpResponse(json.dumps(problem.body()), status=problem.status, content_type="application/problem+json")
    if body is None and status == 204:
        return HttpResponse(status=204)
    return HttpResponse(json.dumps(body), status=status, content_type="application/json")


class HealthzView(APIView):
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadyzView(APIView):
    def get(self, request: Request) -> Response:
        unreachable = ready.unreachable()
        if unreachable:
            return Response({"status": "unavailable", "unreachable": unreachable}, status=503)
        return Response({"status": "ok"})


class PingView(APIView):
    def get(self, request: Request) -> Response:
        return Response(ping.tree(ping.parse_path(request.query_params.get("path"))))


class Route0View(APIView):
    """/native-cython/<str:p0>"""

    def get(self, request: Request, **kwargs: str) -> HttpResponse:
        return _serve(request, kwargs, rest_server.get_native_cython_by_id)
