import type { EndpointContract, ParamContract } from '../../../model/contracts';
import { successCode } from '../../../model/contracts';
import { lit, type RestTarget, type StubPlan } from './plan';
import { freeName } from './pyvalues';
import {
  endpointLabel,
  paramSample,
  payloadSample,
  pyJsonType,
  pyLiteral,
  pyParamType,
  pyPayloadType,
  routeParams,
} from './typed';

/** The handler of each own endpoint in app/handlers.py (its operation's snake_case name). */
export function restHandlerNames(p: StubPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['on_message']);
  for (const e of p.ownEndpoints) {
    let n = e.names.snake;
    while (taken.has(n) || n.startsWith('rpc_') || n.startsWith('_')) n = `${n}_`;
    taken.add(n);
    out.set(e, n);
  }
  return out;
}

/** The Python argument names of an endpoint's parameters, then of its body (`body`), unique. */
export function endpointArgs(e: EndpointContract): { params: Map<ParamContract, string>; body: string | null } {
  const params = new Map<ParamContract, string>();
  const taken = ['self', 'timeout', 'headers'];
  for (const p of e.params) {
    const n = freeName(/^\d/.test(p.names.snake) ? `p_${p.names.snake}` : p.names.snake, taken);
    taken.push(n);
    params.set(p, n);
  }
  return { params, body: e.body ? freeName('body', taken) : null };
}

/** What a successful call answers, typed: `models.X`, `list[models.X]`, or None. */
function responseType(e: EndpointContract): string {
  return e.success.body ? pyPayloadType(e.success.body) : 'None';
}

export function successStatus(e: EndpointContract): number {
  return successCode(e);
}

/** The typed handlers of the own endpoints, with a TODO body answering the sample (app/handlers.py). */
export function restHandlersPy(p: StubPlan): string {
  const names = restHandlerNames(p);
  return p.ownEndpoints
    .map((e) => {
      const { params, body } = endpointArgs(e);
      const sig = [...params].map(([prm, n]) => `${n}: ${pyParamType(prm)}${prm.required ? '' : ' | None'}`);
      if (body && e.body) sig.push(`${body}: ${pyPayloadType(e.body)} | None`);
      const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
      const ret = responseType(e);
      const result = e.success.body ? `models.parse(${ret}, ${pyLiteral(payloadSample(e.success.body))})` : 'None';
      return `

def ${names.get(e) ?? 'op'}(${sig.join(', ')}) -> ${ret}:
    """${e.method} ${e.path}${e.summary ? `: ${e.summary.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, "'").slice(0, 160)}` : ''}.${errors.length ? `\n\n    Raise Problem(status, detail) for the declared error answers (${errors.join(', ')}).` : ''}"""
    # TODO: replace the sample data with your logic.
    return ${result}
`;
    })
    .join('');
}

function paramKind(prm: ParamContract): string {
  return pyJsonType(prm.type);
}

function serverFn(p: StubPlan, e: EndpointContract): string {
  const names = restHandlerNames(p);
  const { params, body } = endpointArgs(e);
  const route = routeParams(e);
  const reads = [...params].map(([prm, n]) => {
    const kind = paramKind(prm);
    if (prm.in === 'path')
      return `    ${n} = _param(path.get(${lit(route.get(prm.name) ?? '')}), ${kind}, ${lit(prm.name)})`;
    const src = prm.in === 'query' ? 'query' : 'header';
    return `    ${n} = _params(${src}(${lit(prm.name)}), ${kind}, ${lit(prm.name)}, required=${prm.required ? 'True' : 'False'}, repeated=${prm.repeated ? 'True' : 'False'})`;
  });
  if (body && e.body) reads.push(`    ${body} = _body(raw, ${pyPayloadType(e.body)})`);
  const got = [...[...params].map(([prm, n]) => `${lit(prm.name)}: models.dump(${n})`)];
  const expected = [...[...params].map(([prm]) => `${lit(prm.name)}: ${pyLiteral(paramSample(e, prm))}`)];
  if (body && e.body) {
    got.push(`"body": models.dump(${body})`);
    expected.push(`"body": ${pyLiteral(payloadSample(e.body))}`);
  }
  const status = successStatus(e);
  const answer = e.success.body
    ? `models.dump(models.parse(${pyPayloadType(e.success.body)}, ${pyLiteral(payloadSample(e.success.body))}))`
    : 'None';
  const args = [...params.values(), ...(body ? [body] : [])].join(', ');
  return `

def ${names.get(e) ?? 'op'}(path: dict[str, str], query: Lookup, header: Lookup, raw: bytes) -> tuple[int, Any]:
    """${e.method} ${e.path}"""
${reads.join('\n')}
    if header(exercise.HEADER):
        problem = exercise.json_diff({${expected.join(', ')}}, {${got.join(', ')}})
        if problem is not None:
            raise exercise.Problem(422, ${lit(`${endpointLabel(e)}: the request differs from the sample: `)} + problem)
        return ${status}, ${answer}
    return ${status}, models.dump(handlers.${names.get(e) ?? 'op'}(${args}))
`;
}

/** `app/plumbing/rest_server.py`: the own endpoints, framework-free: parameters and body in, status and JSON out. */
export function restServerPy(p: StubPlan): string {
  return `"""The service's REST endpoints, framework-free. Generated: do not edit; the bodies live in app/handlers.py.

Each function reads the path, query and header parameters and the JSON body as the contract types
them, answers an exercise call (header \`polyglot-exercise\`) with the sample, else calls the
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
${p.ownEndpoints.map((e) => serverFn(p, e)).join('\n')}`;
}

function clientMethod(r: RestTarget, e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const sig = [...params].map(([prm, n]) => `${n}: ${pyParamType(prm)}${prm.required ? '' : ' | None = None'}`);
  if (body && e.body) sig.push(`${body}: ${pyPayloadType(e.body)} | None = None`);
  const pathExpr = e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return lit(s);
      const prm = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      return `_seg(${(prm && params.get(prm)) ?? 'None'})`;
    })
    .join(' + ');
  const query = [...params].filter(([prm]) => prm.in === 'query').map(([prm, n]) => `(${lit(prm.name)}, ${n})`);
  const hdrs = [...params].filter(([prm]) => prm.in === 'header').map(([prm, n]) => `(${lit(prm.name)}, ${n})`);
  const ret = responseType(e);
  const keep = [...params.values(), ...(body ? [body] : [])].map((n) => `${n}=${n}, `).join('');
  const kw = `self, *, ${sig.map((s) => `${s}, `).join('')}timeout: float = config.TIMEOUT, headers: dict[str, str] | None = None`;
  return `
    def ${name}(${kw}) -> ${ret}:
        """${e.method} ${e.path} on ${r.target}; raises httpx.HTTPStatusError on an error answer."""
        resp = self._send_${name}(${keep}timeout=timeout, headers=headers)
        resp.raise_for_status()
        return ${e.success.body ? `models.parse(${ret}, resp.json())` : 'None'}

    def _send_${name}(${kw}) -> Any:
        """Sends ${e.method} ${e.path}: the httpx.Response, whatever its status."""
        return config.http_client().request(
            ${lit(e.method)},
            self._url(${pathExpr || '"/"'}),
            params=_pairs([${query.join(', ')}]),
            headers={**dict(_pairs([${hdrs.join(', ')}])), **(headers or {})},${body ? `\n            json=None if ${body} is None else models.dump(${body}),` : ''}
            timeout=timeout,
        )
`;
}

function clientNames(r: RestTarget): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['exercise']);
  for (const e of r.used) {
    let n = e.names.snake;
    while (taken.has(n) || n.startsWith('_')) n = `${n}_`;
    taken.add(n);
    out.set(e, n);
  }
  return out;
}

function exerciseLine(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const args = [...params].map(
    ([prm, n]) => `${n}=models.parse(${pyParamType(prm)}, ${pyLiteral(paramSample(e, prm))})`,
  );
  if (body && e.body) args.push(`${body}=models.parse(${pyPayloadType(e.body)}, ${pyLiteral(payloadSample(e.body))})`);
  args.push('timeout=timeout', 'headers=exercise.HEADERS');
  const check = e.success.body
    ? `lambda resp: exercise.json_diff(${pyLiteral(payloadSample(e.success.body))}, models.dump(models.parse(${responseType(e)}, resp.json())))`
    : 'None';
  return `            exercise.method(${lit(endpointLabel(e))}, lambda: exercise.rest_answer(self._send_${name}(${args.join(', ')}), ${successStatus(e)}, ${check})),`;
}

/** `app/plumbing/rest_clients.py`: a typed client per outgoing REST link. */
export function restClientsPy(p: StubPlan): string {
  const classes = p.rest.map((r) => {
    const names = clientNames(r);
    return `

class ${r.className}:
    """REST client of ${r.target}, at the address in ${r.call.envVar}."""

    def _url(self, path: str) -> str:
        return config.env(${lit(r.call.envVar)}).rstrip("/") + path
${r.used.map((e) => clientMethod(r, e, names.get(e) ?? 'call')).join('')}
    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every endpoint this link uses with the sample request and checks the answers."""
        return [
${r.used.map((e) => exerciseLine(e, names.get(e) ?? 'call')).join('\n')}
        ]


${r.instance} = ${r.className}()`;
  });
  return `"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. \`from .plumbing.rest_clients import ${p.rest[0]?.instance ?? 'name_rest'}\`.
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
${classes.join('\n')}
`;
}
