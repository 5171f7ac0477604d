import type { EndpointContract } from '../../../model/contracts';
import { lit, type StubPlan } from './plan';
import { restHandlerNames } from './restClients';
import { routePath } from './typed';

/**
 * The Django REST framework layer of the Python stub: a Django project (`app/settings.py`,
 * `app/urls.py`, `app/wsgi.py`, `manage.py`) whose DRF views call the same `app/handlers.py` and
 * plumbing as the FastAPI and Flask stubs. gunicorn serves it with one worker, so the gRPC server
 * and the consumers that `runtime.start()` launches run once.
 */

/** The view class name of one path, unique and stable: `Route0View`, `Route1View` ... */
function viewName(i: number): string {
  return `Route${i}View`;
}

/** The endpoints grouped by route, in declaration order: one DRF view serves every method of a path. */
function byPath(p: StubPlan): [string, EndpointContract[]][] {
  const groups = new Map<string, EndpointContract[]>();
  for (const e of p.ownEndpoints) {
    const route = routePath(e, 'django');
    groups.set(route, [...(groups.get(route) ?? []), e]);
  }
  return [...groups];
}

/** `app/views.py`: the DRF views of the contract routes and of the declared endpoints. */
export function djangoViewsPy(p: StubPlan): string {
  const names = restHandlerNames(p);
  const views = byPath(p).map(([path, eps], i) => {
    const methods = eps.map(
      (e) => `
    def ${e.method.toLowerCase()}(self, request: Request, **kwargs: str) -> HttpResponse:
        return _serve(request, kwargs, rest_server.${names.get(e) ?? 'op'})
`,
    );
    return `

class ${viewName(i)}(APIView):
    """/${path}"""
${methods.join('')}`;
  });
  return `"""The DRF views of ${p.dns}. Generated: do not edit; the endpoint bodies live in app/handlers.py."""

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
${views.join('')}`;
}

/** `app/urls.py`: the contract routes first, then one route per declared path. */
export function djangoUrlsPy(p: StubPlan): string {
  const routes = byPath(p).map(([path], i) => `    path(${lit(path)}, views.${viewName(i)}.as_view()),`);
  return `"""The URL routes of ${p.dns}. Generated: do not edit."""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.HealthzView.as_view()),
    path("readyz", views.ReadyzView.as_view()),
    path("ping", views.PingView.as_view()),
${routes.join('\n')}
]
`;
}

/** `app/settings.py`: every setting from the environment; PostgreSQL links become DATABASES. */
export function djangoSettingsPy(p: StubPlan): string {
  return `"""Django settings of ${p.dns}, read from the environment. Generated: do not edit.

Every PostgreSQL link of the service is a database of Django's ORM, from the same
\`<DATABASE>_URL\` variable the other stubs read; the first one is \`default\`.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from .plumbing import config

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "insecure-stub-key-set-DJANGO_SECRET_KEY"
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",") if h.strip()]
ROOT_URLCONF = "app.urls"
WSGI_APPLICATION = "app.wsgi.application"
APPEND_SLASH = False
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "rest_framework", "app"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # failures already show in /ping and in the consumers' retry warnings
    "loggers": {"pika": {"level": "CRITICAL"}, "nats": {"level": "WARNING"}, "httpx": {"level": "WARNING"}},
}


def _postgres(url: str) -> dict[str, object]:
    u = urlsplit(url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(u.path.lstrip("/")),
        "USER": unquote(u.username or ""),
        "PASSWORD": unquote(u.password or ""),
        "HOST": u.hostname or "",
        "PORT": str(u.port or ""),
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"connect_timeout": int(config.TIMEOUT)},
    }


def _databases() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for link in config.DATABASES:
        url = os.environ.get(link.env, "").strip()
        if link.kind != "postgres" or not url:
            continue
        out["default" if not out else link.target.replace("-", "_")] = _postgres(url)
    return out


DATABASES = _databases()
`;
}

/** `app/wsgi.py`: the WSGI application gunicorn serves; starts the gRPC server and consumers. */
export function djangoWsgiPy(p: StubPlan): string {
  return `"""The WSGI application of ${p.dns}, served by gunicorn. Generated: do not edit."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
application = get_wsgi_application()

from .plumbing import runtime  # noqa: E402

runtime.start()
`;
}

/** `manage.py`: Django's command line (\`python manage.py migrate\`, \`makemigrations\` ...). */
export const MANAGE_PY = `#!/usr/bin/env python
"""Django's command line for this service. Generated: do not edit."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
`;

/** `app/__main__.py`: runs the migrations when there is a database, then gunicorn on PORT. */
export function djangoEntryPy(p: StubPlan): string {
  return `"""Starts ${p.dns}: \`python -m app\` migrates, then runs gunicorn. Generated: do not edit."""

from __future__ import annotations

import os
import sys
import time

from .plumbing import config


def migrate() -> None:
    """Applies the migrations of every installed app; retries while PostgreSQL is still starting."""
    from . import settings

    if not settings.DATABASES:
        return
    import django
    from django.core.management import call_command
    from django.db import OperationalError

    django.setup()
    for alias in settings.DATABASES:
        for attempt in range(30):
            try:
                call_command("migrate", database=alias, interactive=False, verbosity=1)
                break
            except OperationalError as exc:
                if attempt == 29:
                    raise
                print(f"migrate: {alias} not reachable yet ({exc}); retrying", file=sys.stderr, flush=True)
                time.sleep(2)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
    migrate()
    # one worker, so that the gRPC server and the consumers run once; threads serve the requests
    args = [sys.executable, "-m", "gunicorn", "app.wsgi:application", "--bind", f"0.0.0.0:{config.http_port()}",
            "--workers", "1", "--threads", "16", "--worker-class", "gthread", "--timeout", "60",
            "--access-logfile", "-", "--graceful-timeout", "5",
            # the root filesystem may be read-only and the user has no home: no control socket
            "--no-control-socket"]
    os.execv(sys.executable, args)


if __name__ == "__main__":
    main()
`;
}
