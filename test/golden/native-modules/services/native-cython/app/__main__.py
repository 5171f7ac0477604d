"""Starts native-cython: `python -m app` migrates, then runs gunicorn. Generated: do not edit."""

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
