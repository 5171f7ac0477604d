"""Starts native-ctypes: `python -m app`. Generated: do not edit."""

from __future__ import annotations

import logging

from .plumbing import config


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # failures already show in /ping and in the consumers' retry warnings
    logging.getLogger("pika").setLevel(logging.CRITICAL)
    for chatty in ("nats", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    import signal
    import sys

    from waitress import serve

    from .main import app

    # as PID 1 in a container no signal has a default action: stop at once on docker stop
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serve(app, host="0.0.0.0", port=config.http_port(), threads=16)


if __name__ == "__main__":
    main()
