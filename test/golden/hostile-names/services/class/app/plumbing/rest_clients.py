"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.rest_clients import img_src_x_onerror_alert_1_rest`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from . import config


class ImgSrcXOnerrorAlert1RestClient:
    """REST client of img-src-x-onerror-alert-1, at the address in IMG_SRC_X_ONERROR_ALERT_1_URL."""

    def _url(self, path: str) -> str:
        return config.env("IMG_SRC_X_ONERROR_ALERT_1_URL").rstrip("/") + path

    def get_img_by_id(self, id: str) -> dict[str, Any]:
        """GET /img/{id} on img-src-x-onerror-alert-1."""
        resp = httpx.request("GET", self._url("/img/" + quote(str(id), safe="")), timeout=config.TIMEOUT)
        resp.raise_for_status()
        return dict(resp.json())


img_src_x_onerror_alert_1_rest = ImgSrcXOnerrorAlert1RestClient()
