"""Readiness of the service contract: its brokers and databases answer. Generated: do not edit."""

from __future__ import annotations

import os
import socket

#: The address variables of the brokers and databases this service uses, with the port an
#: address without one means.
DEPENDENCIES: list[tuple[str, int]] = []


def host_port(value: str, fallback: int) -> tuple[str, int]:
    """The first host and port of an address: a URL (scheme://user:pass@host:port/path) or a list
    of host:port (Kafka's bootstrap servers)."""
    s = value.strip()
    if "://" in s:
        s = s.split("://", 1)[1]
    for sep in "/?#":
        s = s.split(sep, 1)[0]
    s = s.rsplit("@", 1)[-1].split(",", 1)[0]
    if s.startswith("["):
        host, _, rest = s[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif s.count(":") == 1:
        host, port = s.split(":")
    else:
        host, port = s, ""
    return host, int(port) if port.isdigit() else fallback


def unreachable() -> list[str]:
    """The variables of the dependencies that accept no TCP connection within a second."""
    out: list[str] = []
    for env, port in DEPENDENCIES:
        value = os.environ.get(env, "").strip()
        try:
            if not value:
                raise OSError(f"{env} is not set")
            with socket.create_connection(host_port(value, port), timeout=1.0):
                pass
        except OSError:
            out.append(env)
    return out
