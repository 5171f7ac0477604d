"""The service's REST endpoints, framework-free. Generated: do not edit; the bodies live in app/handlers.py.

Each function reads the path, query and header parameters and the JSON body as the contract types
them, answers an exercise call (header `polyglot-exercise`) with the sample, else calls the
handler. Bad input raises exercise.Problem (400, or 422 for a body that does not fit).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import handlers, models
from . import exercise

#: Reads the values of a query parameter (a list) or a header (a str or None), by name.
Lookup = Callable[[str], Any]


def _param(raw: str | None, kind: Any, name: str) -> Any:
    if raw is None:
        raise exercise.Problem(400, f"parameter {name} is missing")
    try:
        if kind is bool:
            if raw.lower() in ("true", "1"):
                return True
            if raw.lower() in ("false", "0"):
                return False
            raise ValueError(raw)
        if kind in (int, float, str):
            return kind(raw)
        return models.parse(kind, raw)
    except ValueError as exc:
        raise exercise.Problem(400, f"parameter {name}: {raw!r} does not fit its type") from exc


def _params(values: Any, kind: Any, name: str, required: bool, repeated: bool) -> Any:
    if values is None:
        values = []
    elif isinstance(values, str):
        values = [values]
    if repeated:
        return [_param(v, kind, name) for v in values]
    if not values:
        if required:
            raise exercise.Problem(400, f"parameter {name} is required")
        return None
    return _param(values[0], kind, name)


def _body(raw: bytes, kind: Any) -> Any:
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise exercise.Problem(400, "the body is not JSON") from exc
    try:
        return models.parse(kind, data)
    except ValueError as exc:
        raise exercise.Problem(422, f"the body does not fit the contract: {exc}") from exc


def get_native_cython_by_id(path: dict[str, str], query: Lookup, header: Lookup, raw: bytes) -> tuple[int, Any]:
    """GET /native-cython/{id}"""
    id = _param(path.get("p0"), str, "id")
    if header(exercise.HEADER):
        problem = exercise.json_diff({"id": "id-sample"}, {"id": models.dump(id)})
        if problem is not None:
            raise exercise.Problem(422, "GET /native-cython/{id}: the request differs from the sample: " + problem)
        return 200, models.dump(models.parse(models.GetNativeCythonByIdResponse, {"id": "id-sample", "status": "status-sample"}))
    return 200, models.dump(handlers.get_native_cython_by_id(id))
