import type { ContractEndpoint } from '../../../model/contracts';
import { lit, type StubPlan } from './plan';
import { freeName } from './pyvalues';

/** The Python expression of an endpoint's path with its parameters quoted in. */
function pathExpr(e: ContractEndpoint, names: Map<string, string>): string {
  const parts = e.path.split(/(\{[a-z0-9_]+\})/).filter((s) => s.length > 0);
  return parts
    .map((s) => {
      const m = /^\{([a-z0-9_]+)\}$/.exec(s);
      return m ? `quote(str(${names.get(m[1] ?? '') ?? 'None'}), safe="")` : lit(s);
    })
    .join(' + ');
}

/** The Python parameters of a handler or client method: path parameters, then `body` when there is one. */
export function endpointArgs(e: ContractEndpoint): { params: Map<string, string>; body: string | null } {
  const params = new Map<string, string>();
  for (const p of e.params) params.set(p, freeName(p, ['self']));
  const hasBody = e.method !== 'GET' && e.method !== 'DELETE';
  return { params, body: hasBody ? freeName('body', ['self', ...params.values()]) : null };
}

/** `app/plumbing/rest_clients.py`: a typed client per outgoing REST link. */
export function restClientsPy(p: StubPlan): string {
  const classes = p.rest.map((r) => {
    const methods = r.endpoints.map((e) => {
      const { params, body } = endpointArgs(e);
      const sig = [...params.values()].map((n) => `${n}: str`);
      if (body) sig.push(`${body}: dict[str, Any] | None = None`);
      const send = body ? `, json=${body} or {}` : '';
      return `
    def ${e.snake}(self${sig.map((s) => `, ${s}`).join('')}) -> dict[str, Any]:
        """${e.method} ${e.path} on ${r.target}."""
        resp = httpx.request(${lit(e.method)}, self._url(${pathExpr(e, params)})${send}, timeout=config.TIMEOUT)
        resp.raise_for_status()
        return dict(resp.json())
`;
    });
    return `

class ${r.className}:
    """REST client of ${r.target}, at the address in ${r.call.envVar}."""

    def _url(self, path: str) -> str:
        return config.env(${lit(r.call.envVar)}).rstrip("/") + path
${methods.join('')}

${r.instance} = ${r.className}()`;
  });
  return `"""Typed REST clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. \`from .plumbing.rest_clients import ${p.rest[0]?.instance ?? 'name_rest'}\`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from . import config
${classes.join('\n')}
`;
}
