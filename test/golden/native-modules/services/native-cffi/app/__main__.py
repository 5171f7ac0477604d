"""Starts native-cffi: `python -m app`. Generated: do not edit."""

from __future__ import annotations

import logging

from .plumbing import config


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # failures already show in /ping and in the consumers' retry warnings
    logging.getLogger("pika").setLevel(logging.CRITICAL)
    for chatty in ("nats", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=config.http_port(), log_level="info")


if __name__ == "__main__":
    main()
