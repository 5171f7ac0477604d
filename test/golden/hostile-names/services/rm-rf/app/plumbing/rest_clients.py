"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.rest_clients import etc_passwd_rest`.
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


class EtcPasswdRestClient:
    """REST client of etc-passwd, at the address in ETC_PASSWD_URL."""

    def _url(self, path: str) -> str:
        return config.env("ETC_PASSWD_URL").rstrip("/") + path

    def get_etc_by_user_id(self, *, user_id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> models.GetEtcByUserIdResponse:
        """GET /etc/{user_id} on etc-passwd; raises httpx.HTTPStatusError on an error answer."""
        resp = self._send_get_etc_by_user_id(user_id=user_id, timeout=timeout, headers=headers)
        resp.raise_for_status()
        return models.parse(models.GetEtcByUserIdResponse, resp.json())

    def _send_get_etc_by_user_id(self, *, user_id: str, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> Any:
        """Sends GET /etc/{user_id}: the httpx.Response, whatever its status."""
        return config.http_client().request(
            "GET",
            self._url("/etc/" + _seg(user_id)),
            params=_pairs([]),
            headers={**dict(_pairs([])), **(headers or {})},
            timeout=timeout,
        )

    def post_items_script_x1_frag(self, *, body: models.PostItemsScriptX1FragRequest | None = None, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> models.PostItemsScriptX1FragResponse:
        """POST /items/script-x-1-frag on etc-passwd; raises httpx.HTTPStatusError on an error answer."""
        resp = self._send_post_items_script_x1_frag(body=body, timeout=timeout, headers=headers)
        resp.raise_for_status()
        return models.parse(models.PostItemsScriptX1FragResponse, resp.json())

    def _send_post_items_script_x1_frag(self, *, body: models.PostItemsScriptX1FragRequest | None = None, timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None) -> Any:
        """Sends POST /items/script-x-1-frag: the httpx.Response, whatever its status."""
        return config.http_client().request(
            "POST",
            self._url("/items/script-x-1-frag"),
            params=_pairs([]),
            headers={**dict(_pairs([])), **(headers or {})},
            json=None if body is None else models.dump(body),
            timeout=timeout,
        )

    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every endpoint this link uses with the sample request and checks the answers."""
        return [
            exercise.method("GET /etc/{user_id}", lambda: exercise.rest_answer(self._send_get_etc_by_user_id(user_id=models.parse(str, "user_id-sample"), timeout=timeout, headers=exercise.HEADERS), 200, lambda resp: exercise.json_diff({"from_value": "from_value-sample", "path_value": "path_value-sample", "class_value": "class_value-sample", "quoted_field": "quoted_field-sample", "naive_field": 5.5, "field_1st": 6, "service_value": True}, models.dump(models.parse(models.GetEtcByUserIdResponse, resp.json()))))),
            exercise.method("POST /items/script-x-1-frag", lambda: exercise.rest_answer(self._send_post_items_script_x1_frag(body=models.parse(models.PostItemsScriptX1FragRequest, {"from_value": "from_value-sample", "path_value": "path_value-sample", "class_value": "class_value-sample", "quoted_field": "quoted_field-sample", "naive_field": 5.5, "field_1st": 6, "service_value": True}), timeout=timeout, headers=exercise.HEADERS), 200, lambda resp: exercise.json_diff({"ok": True}, models.dump(models.parse(models.PostItemsScriptX1FragResponse, resp.json()))))),
        ]


etc_passwd_rest = EtcPasswdRestClient()
