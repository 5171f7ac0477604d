"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.rest_clients import native_ctypes_rest`.
"""

from __future__ import annotations

from enum import Enum
from typing import Any
from urllib.parse import quote

from .. import models
from . import config, exercise


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _seg(value: Any) -> str:
    return quote(_text(value), safe="")


def _pairs(items: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, value in items:
        if value is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            out.append((name, _text(v)))
    return out


class NativeCtypesRestClient:
    """REST client of native-ctypes, at the address in NATIVE_CTYPES_URL."""

    def _url(self, path: str) -> str:
        return config.env("NATIVE_CTYPES_URL").rstrip("/") + path

    def get_native_ctypes_by_id(self, *, id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> models.GetNativeCtypesByIdResponse:
        """GET /native-ctypes/{id} on native-ctypes; raises httpx.HTTPStatusError on an error answer."""
        resp = self._send_get_native_ctypes_by_id(id=id, timeout=timeout, headers=headers)
        resp.raise_for_status()
        return models.parse(models.GetNativeCtypesByIdResponse, resp.json())

    def _send_get_native_ctypes_by_id(self, *, id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> Any:
        """Sends GET /native-ctypes/{id}: the httpx.Response, whatever its status."""
        return config.http_client().request(
            "GET",
            self._url("/native-ctypes/" + _seg(id)),
            params=_pairs([]),
            headers={**dict(_pairs([])), **(headers or {})},
            timeout=timeout,
        )

    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every endpoint this link uses with the sample request and checks the answers."""
        return [
            exercise.method("GET /native-ctypes/{id}", lambda: exercise.rest_answer(self._send_get_native_ctypes_by_id(id=models.parse(str, "id-sample"), timeout=timeout, headers=exercise.HEADERS), 200, lambda resp: exercise.json_diff({"id": "id-sample", "status": "status-sample"}, models.dump(models.parse(models.GetNativeCtypesByIdResponse, resp.json()))))),
        ]


native_ctypes_rest = NativeCtypesRestClient()


class NativeCffiRestClient:
    """REST client of native-cffi, at the address in NATIVE_CFFI_URL."""

    def _url(self, path: str) -> str:
        return config.env("NATIVE_CFFI_URL").rstrip("/") + path

    def get_native_cffi_by_id(self, *, id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> models.GetNativeCffiByIdResponse:
        """GET /native-cffi/{id} on native-cffi; raises httpx.HTTPStatusError on an error answer."""
        resp = self._send_get_native_cffi_by_id(id=id, timeout=timeout, headers=headers)
        resp.raise_for_status()
        return models.parse(models.GetNativeCffiByIdResponse, resp.json())

    def _send_get_native_cffi_by_id(self, *, id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> Any:
        """Sends GET /native-cffi/{id}: the httpx.Response, whatever its status."""
        return config.http_client().request(
            "GET",
            self._url("/native-cffi/" + _seg(id)),
            params=_pairs([]),
            headers={**dict(_pairs([])), **(headers or {})},
            timeout=timeout,
        )

    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every endpoint this link uses with the sample request and checks the answers."""
        return [
            exercise.method("GET /native-cffi/{id}", lambda: exercise.rest_answer(self._send_get_native_cffi_by_id(id=models.parse(str, "id-sample"), timeout=timeout, headers=exercise.HEADERS), 200, lambda resp: exercise.json_diff({"id": "id-sample", "status": "status-sample"}, models.dump(models.parse(models.GetNativeCffiByIdResponse, resp.json()))))),
        ]


native_cffi_rest = NativeCffiRestClient()
