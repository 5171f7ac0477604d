"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.rest_clients import catalog_rest`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from . import config


class CatalogRestClient:
    """REST client of catalog, at the address in CATALOG_URL."""

    def _url(self, path: str) -> str:
        return config.env("CATALOG_URL").rstrip("/") + path


catalog_rest = CatalogRestClient()
