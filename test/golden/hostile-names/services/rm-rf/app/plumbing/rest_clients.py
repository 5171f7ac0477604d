"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.rest_clients import etc_passwd_rest`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from . import config


class EtcPasswdRestClient:
    """REST client of etc-passwd, at the address in ETC_PASSWD_URL."""

    def _url(self, path: str) -> str:
        return config.env("ETC_PASSWD_URL").rstrip("/") + path

    def get_etc_by_user_id(self, user_id: str) -> dict[str, Any]:
        """GET /etc/{user_id} on etc-passwd."""
        resp = httpx.request("GET", self._url("/etc/" + quote(str(user_id), safe="")), timeout=config.TIMEOUT)
        resp.raise_for_status()
        return dict(resp.json())

    def post_items_script_x1_frag(self, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST /items/script-x-1-frag on etc-passwd."""
        resp = httpx.request("POST", self._url("/items/script-x-1-frag"), json=body or {}, timeout=config.TIMEOUT)
        resp.raise_for_status()
        return dict(resp.json())


etc_passwd_rest = EtcPasswdRestClient()
