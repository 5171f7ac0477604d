"""The WSGI application of native-cython, served by gunicorn. Generated: do not edit."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
application = get_wsgi_application()

from .plumbing import runtime  # noqa: E402

runtime.start()
