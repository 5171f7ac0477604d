"""Connection checks of the service contract's database links. Generated: do not edit."""

from __future__ import annotations

from typing import Any, Callable

from . import config


_CHECKS: dict[str, Callable[[str], None]] = {}


def check(link: config.DatabaseLink) -> None:
    """PostgreSQL `SELECT 1`, MongoDB `ping`, Redis `PING`; raises when the database does not answer."""
    checker = _CHECKS.get(link.kind)
    if checker is None:
        raise RuntimeError(f"no check for {link.kind}")
    checker(config.env(link.env))
