"""The design's types that this service's REST calls carry, as dataclasses. Generated: do not edit.

JSON keys are the contract's (a field's json_name, else its name); every field may be left out,
as in protobuf's JSON mapping: singular fields are then None, lists and maps empty.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from dataclasses import field as _field
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints


@dataclass
class GetNativeCtypesByIdResponse:
    """conformancenative.nativectypes.v1.GetNativeCtypesByIdResponse"""

    id: str | None = _field(default=None, metadata={"json": "id"})
    status: str | None = _field(default=None, metadata={"json": "status"})


@dataclass
class GetNativeCythonByIdResponse:
    """conformancenative.nativecython.v1.GetNativeCythonByIdResponse"""

    id: str | None = _field(default=None, metadata={"json": "id"})
    status: str | None = _field(default=None, metadata={"json": "status"})


def parse(kind: Any, data: Any) -> Any:
    """A JSON value as the given type (a dataclass, a list, an enum, a scalar); ValueError when it does not fit."""
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        if data is None:
            return None
        inner = [a for a in get_args(kind) if a is not type(None)]
        return parse(inner[0], data)
    if kind is Any:
        return data
    if origin is list:
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        return [parse(get_args(kind)[0], x) for x in data]
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, got {type(data).__name__}")
        return {str(k): parse(get_args(kind)[1], v) for k, v in data.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: expected an object, got {type(data).__name__}")
        hints = get_type_hints(kind)
        args = {}
        for f in fields(kind):
            key = f.metadata.get("json", f.name)
            if key in data and data[key] is not None:
                try:
                    args[f.name] = parse(hints[f.name], data[key])
                except ValueError as exc:
                    raise ValueError(f"{kind.__name__}.{key}: {exc}") from exc
        return kind(**args)
    if kind is bool:
        if not isinstance(data, bool):
            raise ValueError(f"expected a boolean, got {data!r}")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, (int, str)):
            raise ValueError(f"expected an integer, got {data!r}")
        return int(data)
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, (int, float, str)):
            raise ValueError(f"expected a number, got {data!r}")
        return float(data)
    if kind is str:
        if not isinstance(data, str):
            raise ValueError(f"expected a string, got {data!r}")
        return data
    return data


def dump(value: Any) -> Any:
    """A typed value as JSON: JSON keys, enums by name, fields that are not set left out."""
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if v is not None:
                out[f.metadata.get("json", f.name)] = dump(v)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [dump(x) for x in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in value.items()}
    return value
