import type { HttpMethod } from '../catalog/catalog';
import { PROTO_IDENT, httpPath } from '../model/naming';
import type { Design, DesignNode, HttpEndpoint, HttpParam, HttpResponse, Payload } from '../model/types';
import { apiNode, apiOf, fail, isFail, knownRef, refKind, withApi } from './apiShared';
import type { OpResult } from './ids';

/** Edits of one REST endpoint: its method and path, parameters, body and responses. */

function withEndpoint(
  design: Design,
  nodeId: string,
  endpointId: string,
  change: (e: HttpEndpoint, node: DesignNode) => HttpEndpoint | string,
): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const e = api.rest.find((x) => x.id === endpointId);
  if (!e) return fail('That endpoint no longer exists.');
  const next = change(e, node);
  if (typeof next === 'string') return fail(next);
  return {
    ok: true,
    design: withApi(design, node, { ...api, rest: api.rest.map((x) => (x.id === endpointId ? next : x)) }),
  };
}

const route = (method: string, path: string) => `${method} ${httpPath(path).replace(/\{[^}]*\}/g, '{}')}`;
const takesBody = (m: HttpMethod) => m !== 'GET';

/** Path parameters follow the path: new `{name}`s are added as strings, gone ones removed. */
function syncPathParams(params: readonly HttpParam[], path: string): HttpParam[] {
  const names = [...httpPath(path).matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? 'id');
  const kept = params.filter((p) => p.in !== 'path' || names.includes(p.name));
  const added = names
    .filter((n) => !kept.some((p) => p.in === 'path' && p.name === n))
    .map((name): HttpParam => ({ name, in: 'path', type: 'string', required: true }));
  return [...kept, ...added];
}

export type EndpointPatch = {
  method?: HttpMethod;
  /** As typed; the export makes it safe (`httpPath`), keeping its case. */
  path?: string;
  /** `null` goes back to the derived operation id. */
  operationId?: string | null;
  summary?: string;
  /** `null` removes the body. */
  body?: Payload | null;
  deprecated?: boolean;
};

/** Changes an endpoint. A GET has no body; its path parameters follow the path. */
export function updateEndpoint(design: Design, nodeId: string, endpointId: string, patch: EndpointPatch): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e, node) => {
    const next: HttpEndpoint = { ...e };
    if (patch.method !== undefined) next.method = patch.method;
    if (patch.path !== undefined) {
      if (patch.path.trim() === '') return 'An endpoint needs a path.';
      if (patch.path.length > 300) return 'A path is limited to 300 characters.';
      next.path = patch.path;
      next.params = syncPathParams(e.params, patch.path);
    }
    const clash = apiOf(node).rest.find(
      (o) => o.id !== e.id && route(o.method, o.path) === route(next.method, next.path),
    );
    if (clash) return `${node.name} already serves ${clash.method} ${httpPath(clash.path)}.`;
    if (patch.operationId === null) delete next.operationId;
    else if (patch.operationId !== undefined) {
      if (!PROTO_IDENT.test(patch.operationId)) return 'An operation id is letters, digits and underscores.';
      if (apiOf(node).rest.some((o) => o.id !== e.id && o.operationId === patch.operationId))
        return `Another endpoint is already ${patch.operationId}.`;
      next.operationId = patch.operationId;
    }
    if (patch.summary !== undefined) next.summary = patch.summary;
    if (patch.deprecated !== undefined) {
      if (patch.deprecated) next.deprecated = true;
      else delete next.deprecated;
    }
    if (patch.body === null) delete next.body;
    else if (patch.body !== undefined) {
      if (!knownRef(design, patch.body.type)) return 'That type is not in the design.';
      next.body = patch.body;
    }
    if (!takesBody(next.method)) delete next.body;
    return next;
  });
}

function paramProblem(design: Design, e: HttpEndpoint, p: HttpParam, index: number): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(p.name) || p.name.length > 100)
    return 'A parameter name is letters, digits, `_`, `-` and `.`, starting with a letter.';
  if (e.params.some((o, i) => i !== index && o.in === p.in && o.name === p.name))
    return `There is already a ${p.in} parameter ${p.name}.`;
  const k = refKind(design, p.type);
  if (!(k === 'enum' || (k === 'builtin' && !p.type.startsWith('google.'))))
    return 'A parameter is a scalar or an enum.';
  return null;
}

/** Adds a query or header parameter (path parameters come from the path). */
export function addParam(design: Design, nodeId: string, endpointId: string, param: Partial<HttpParam> = {}): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) => {
    if (param.in === 'path') return 'A path parameter comes from the path: write it there as {name}.';
    let name = param.name;
    for (let i = e.params.length + 1; name === undefined || e.params.some((p) => p.name === name); i++)
      name = `param_${i}`;
    const p: HttpParam = {
      name,
      in: param.in ?? 'query',
      type: param.type ?? 'string',
      required: param.required ?? false,
    };
    if (param.repeated) p.repeated = true;
    const why = paramProblem(design, e, p, -1);
    return why ?? { ...e, params: [...e.params, p] };
  });
}

/** Changes a parameter; a path parameter keeps its name and place (they come from the path). */
export function updateParam(
  design: Design,
  nodeId: string,
  endpointId: string,
  index: number,
  patch: Partial<Pick<HttpParam, 'name' | 'in' | 'type' | 'repeated' | 'required' | 'description'>>,
): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) => {
    const p = e.params[index];
    if (!p) return 'That parameter no longer exists.';
    if (
      p.in === 'path' &&
      ((patch.name !== undefined && patch.name !== p.name) || (patch.in !== undefined && patch.in !== 'path'))
    )
      return 'A path parameter comes from the path: rename it there.';
    if (patch.in === 'path' && p.in !== 'path')
      return 'A path parameter comes from the path: write it there as {name}.';
    const next: HttpParam = { ...p, ...patch };
    if (next.in === 'path') next.required = true;
    if (next.repeated === false) delete next.repeated;
    const why = paramProblem(design, e, next, index);
    return why ?? { ...e, params: e.params.map((x, i) => (i === index ? next : x)) };
  });
}

/** Removes a query or header parameter. */
export function removeParam(design: Design, nodeId: string, endpointId: string, index: number): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) => {
    const p = e.params[index];
    if (!p) return 'That parameter no longer exists.';
    if (p.in === 'path') return 'A path parameter comes from the path: remove it there.';
    return { ...e, params: e.params.filter((_, i) => i !== index) };
  });
}

const STATUS = /^([1-5](\d\d|XX)|default)$/;

/** Adds a response; an error status without a body answers RFC 9457 problem+json. */
export function addResponse(design: Design, nodeId: string, endpointId: string, response: HttpResponse): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) => {
    if (!STATUS.test(response.status)) return 'A status is a code such as 200 or 404, a range such as 4XX, or default.';
    if (e.responses.some((r) => r.status === response.status)) return `There is already a ${response.status} answer.`;
    if (response.body && !knownRef(design, response.body.type)) return 'That type is not in the design.';
    return { ...e, responses: [...e.responses, response] };
  });
}

/** Changes a response's status, body (`null` removes it) or description. */
export function updateResponse(
  design: Design,
  nodeId: string,
  endpointId: string,
  index: number,
  patch: { status?: string; body?: Payload | null; description?: string },
): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) => {
    const r = e.responses[index];
    if (!r) return 'That response no longer exists.';
    const next: HttpResponse = { ...r };
    if (patch.status !== undefined) {
      if (!STATUS.test(patch.status)) return 'A status is a code such as 200 or 404, a range such as 4XX, or default.';
      if (e.responses.some((o, i) => i !== index && o.status === patch.status))
        return `There is already a ${patch.status} answer.`;
      next.status = patch.status;
    }
    if (patch.body === null) delete next.body;
    else if (patch.body !== undefined) {
      if (!knownRef(design, patch.body.type)) return 'That type is not in the design.';
      next.body = patch.body;
    }
    if (patch.description !== undefined) next.description = patch.description;
    return { ...e, responses: e.responses.map((x, i) => (i === index ? next : x)) };
  });
}

/** Removes a response. */
export function removeResponse(design: Design, nodeId: string, endpointId: string, index: number): OpResult {
  return withEndpoint(design, nodeId, endpointId, (e) =>
    e.responses[index]
      ? { ...e, responses: e.responses.filter((_, i) => i !== index) }
      : 'That response no longer exists.',
  );
}
