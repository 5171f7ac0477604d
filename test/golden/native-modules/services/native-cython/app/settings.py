"""Django settings of native-cython, read from the environment. Generated: do not edit.

Every PostgreSQL link of the service is a database of Django's ORM, from the same
`<DATABASE>_URL` variable the other stubs read; the first one is `default`.
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
