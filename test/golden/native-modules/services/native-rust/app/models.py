"""The design's types that this service's REST calls carry, as Pydantic models. Generated: do not edit.

JSON keys are the contract's (a field's json_name, else its name); every field may be left out,
as in protobuf's JSON mapping: singular fields are then None, lists and maps empty.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python


class GetNativeCtypesByIdResponse(BaseModel):
    """conformancenative.nativectypes.v1.GetNativeCtypesByIdResponse"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    id: str | None = Field(default=None)
    status: str | None = Field(default=None)


class GetNativeCffiByIdResponse(BaseModel):
    """conformancenative.nativecffi.v1.GetNativeCffiByIdResponse"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    id: str | None = Field(default=None)
    status: str | None = Field(default=None)


for _model in list(globals().values()):
    if isinstance(_model, type) and issubclass(_model, BaseModel) and _model is not BaseModel:
        _model.model_rebuild()


def parse(kind: Any, data: Any) -> Any:
    """A JSON value as the given type (a model, a list of models, an enum, a scalar); ValueError when it does not fit."""
    try:
        return TypeAdapter(kind).validate_python(data)
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc


def dump(value: Any) -> Any:
    """A typed value as JSON: JSON keys, enums by name, fields that are not set left out."""
    return to_jsonable_python(value, by_alias=True, exclude_none=True)
