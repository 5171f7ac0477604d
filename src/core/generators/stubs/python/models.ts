import type { EndpointContract, ResolvedDesignType, ResolvedField, ResolvedType } from '../../../model/contracts';
import type { PyFramework } from './plan';
import { lit } from './plan';
import { pyJsonType } from './typed';

/**
 * `app/models.py`: the design's messages and enums that the service's REST bodies, responses and
 * parameters use (its own endpoints and those it calls), as Pydantic models (FastAPI) or
 * dataclasses (Flask, Django), with `parse` and `dump` between them and JSON.
 */

/** Every message and enum reachable from some endpoints, in a stable order (first use first). */
export function restTypes(endpoints: readonly EndpointContract[]): ResolvedDesignType[] {
  const out = new Map<string, ResolvedDesignType>();
  const visit = (t: ResolvedType) => {
    if (t.kind !== 'message' && t.kind !== 'enum') return;
    if (out.has(t.type.id)) return;
    out.set(t.type.id, t.type);
    if (t.type.kind === 'message') for (const f of t.type.fields) visit(f.type);
  };
  for (const e of endpoints) {
    for (const p of e.params) visit(p.type);
    if (e.body) visit(e.body.type);
    for (const r of e.responses) if (r.body) visit(r.body.type);
  }
  return [...out.values()];
}

const PYDANTIC_TAKEN = new Set([
  'copy',
  'dict',
  'json',
  'schema',
  'construct',
  'validate',
  'fields',
  'model_config',
  'model_fields',
  'model_dump',
  'model_validate',
  'parse',
  'dump',
]);

function attr(f: ResolvedField, taken: ReadonlySet<string>): string {
  let n = f.names.snake.replace(/^_+/, '') || 'field';
  if (/^\d/.test(n)) n = `f_${n}`;
  while (taken.has(n) || n.startsWith('model_')) n = `${n}_`;
  return n;
}

function fieldType(f: ResolvedField): string {
  const t = pyJsonType(f.type).replace(/^models\./, '');
  if (f.cardinality === 'repeated') return `list[${t}]`;
  if (f.cardinality === 'map') return `dict[str, ${t}]`;
  return `${t} | None`;
}

const ENUM_MEMBER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PY_KEYWORDS = new Set(['None', 'True', 'False', 'and', 'or', 'not', 'if', 'else', 'class', 'def', 'in', 'is']);

function enumPy(t: Extract<ResolvedDesignType, { kind: 'enum' }>): string {
  const taken = new Set<string>();
  const members = t.values.map((v, i) => {
    let m = ENUM_MEMBER.test(v.name) && !PY_KEYWORDS.has(v.name) && !v.name.startsWith('_') ? v.name : `V${i}`;
    while (taken.has(m)) m = `${m}_`;
    taken.add(m);
    return `    ${m} = ${lit(v.name)}`;
  });
  return `

class ${t.names.pascal}(str, Enum):
    """${t.names.full}${t.description ? `: ${oneLine(t.description)}` : ''}"""

${members.join('\n') || '    UNSPECIFIED = "UNSPECIFIED"'}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').slice(0, 200);
}

function messagePy(t: Extract<ResolvedDesignType, { kind: 'message' }>, flavour: PyFramework): string {
  const pydantic = flavour === 'fastapi';
  const taken = new Set<string>(pydantic ? PYDANTIC_TAKEN : []);
  const lines = t.fields.map((f) => {
    const a = attr(f, taken);
    taken.add(a);
    const many = f.cardinality === 'repeated' || f.cardinality === 'map';
    const def = many ? `default_factory=${f.cardinality === 'map' ? 'dict' : 'list'}` : 'default=None';
    if (pydantic) {
      const alias = a === f.jsonKey ? '' : `, alias=${lit(f.jsonKey)}`;
      return `    ${a}: ${fieldType(f)} = Field(${def}${alias})`;
    }
    return `    ${a}: ${fieldType(f)} = _field(${def}, metadata={"json": ${lit(f.jsonKey)}})`;
  });
  const doc = `    """${t.names.full}${t.description ? `: ${oneLine(t.description)}` : ''}"""`;
  if (pydantic)
    return `

class ${t.names.pascal}(BaseModel):
${doc}

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)
${lines.length ? `\n${lines.join('\n')}` : ''}`;
  return `

@dataclass
class ${t.names.pascal}:
${doc}
${lines.length ? `\n${lines.join('\n')}` : ''}`;
}

const PYDANTIC_TAIL = `

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
`;

const DATACLASS_TAIL = `

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
`;

/** `app/models.py` of a service. */
export function modelsPy(types: readonly ResolvedDesignType[], flavour: PyFramework): string {
  const pydantic = flavour === 'fastapi';
  const body = types.map((t) => (t.kind === 'enum' ? enumPy(t) : messagePy(t, flavour))).join('\n');
  const head = pydantic
    ? `from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python`
    : `from dataclasses import dataclass, fields, is_dataclass
from dataclasses import field as _field
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints`;
  return `"""The design's types that this service's REST calls carry, as ${pydantic ? 'Pydantic models' : 'dataclasses'}. Generated: do not edit.

JSON keys are the contract's (a field's json_name, else its name); every field may be left out,
as in protobuf's JSON mapping: singular fields are then None, lists and maps empty.
"""

from __future__ import annotations

${head}
${body}
${pydantic ? PYDANTIC_TAIL : DATACLASS_TAIL}`;
}
