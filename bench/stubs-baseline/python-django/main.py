"""A one-file Django REST framework hello world, served as the stub is: gunicorn, one gthread
worker with 16 threads, access log on standard output."""

import os
import sys

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    MIDDLEWARE=[],
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "DEFAULT_PERMISSION_CLASSES": [],
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
        "UNAUTHENTICATED_USER": None,
    },
)

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402


class Healthz(APIView):
    def get(self, request):
        return Response({"status": "ok"})


urlpatterns = [path("healthz", Healthz.as_view())]
application = get_wsgi_application()

if __name__ == "__main__":
    args = [sys.executable, "-m", "gunicorn", "main:application", "--bind", f"0.0.0.0:{os.environ['PORT']}",
            "--workers", "1", "--threads", "16", "--worker-class", "gthread", "--timeout", "60",
            "--access-logfile", "-", "--graceful-timeout", "5", "--no-control-socket"]
    os.execv(sys.executable, args)
