import type { HttpMethod } from '../catalog/catalog';
import { legacyOperationName } from '../model/legacyNames';
import { httpPath, pascalCase } from '../model/naming';
import type { Design, DesignNode, HttpEndpoint, MessageField } from '../model/types';
import { apiNode, apiOf, dropUnusedOwned, fail, forgetUses, isFail, withApi } from './apiShared';
import { addType, freeTypeName } from './apiTypes';
import { newId, type OpResult } from './ids';

type Fields = Omit<MessageField, 'number'>[];

/** `getOrdersById` -> `GetOrdersById`: the stem of an endpoint's message names. */
export function endpointStem(method: HttpMethod, path: string): string {
  return pascalCase(legacyOperationName(method, httpPath(path)), 'Op');
}

export interface AddEndpointArgs {
  method?: HttpMethod;
  path?: string;
  id?: string;
  /** The fields of a new `<Op>Response` message answered with 200. */
  responseFields?: Fields;
  /** The fields of a new `<Op>Request` body message (POST, PUT, PATCH). */
  requestFields?: Fields;
}

/** The route shape of a method and path: `/a/{id}` and `/a/{key}` are the same route. */
export const routeOf = (method: string, path: string) => `${method} ${httpPath(path).replace(/\{[^}]*\}/g, '{}')}`;

/** Adds a REST endpoint with its path parameters and a 200 answer of a message of its own. */
export function addEndpoint(design: Design, nodeId: string, args: AddEndpointArgs = {}): OpResult<{ id: string }> {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const rest = apiOf(node).rest;
  const method = args.method ?? 'GET';
  let path = args.path;
  if (path === undefined)
    for (
      let i = rest.length + 1;
      !path || rest.some((e) => routeOf(e.method, e.path) === routeOf(method, path ?? ''));
      i++
    )
      path = `/items-${i}`;
  if (rest.some((e) => routeOf(e.method, e.path) === routeOf(method, path ?? '')))
    return fail(`${node.name} already serves ${method} ${httpPath(path)}.`);
  let d = design;
  const stem = endpointStem(method, path);
  const made = (suffix: string, fields: Fields) => {
    const r = addType(d, {
      kind: 'message',
      owner: nodeId,
      name: freeTypeName(d, { owner: nodeId }, `${stem}${suffix}`),
      fields,
    });
    if (!r.ok) return undefined;
    d = r.design;
    return r.id;
  };
  const endpoint: HttpEndpoint = {
    id: args.id ?? newId('ep'),
    method,
    path,
    params: [...httpPath(path).matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1] ?? 'id',
      in: 'path',
      type: 'string',
      required: true,
    })),
    responses: [],
  };
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const body = made('Request', args.requestFields ?? []);
    if (body) endpoint.body = { type: body };
  }
  const response = made('Response', args.responseFields ?? [{ name: 'id', type: 'string' }]);
  endpoint.responses.push(response ? { status: '200', body: { type: response } } : { status: '204' });
  const n = d.nodes.find((x) => x.id === nodeId) as DesignNode;
  const a = apiOf(n);
  return { ok: true, design: withApi(d, n, { ...a, rest: [...a.rest, endpoint] }), id: endpoint.id };
}

/** Removes an endpoint (and the messages made only for it); links stop listing it. */
export function removeEndpoint(design: Design, nodeId: string, endpointId: string): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const e = api.rest.find((x) => x.id === endpointId);
  if (!e) return fail('That endpoint no longer exists.');
  let d = withApi(design, node, { ...api, rest: api.rest.filter((x) => x.id !== endpointId) });
  d = forgetUses(d, nodeId, new Set([endpointId]));
  const refs = [e.body?.type, ...e.responses.map((r) => r.body?.type)].filter((x): x is string => x !== undefined);
  return { ok: true, design: dropUnusedOwned(d, nodeId, refs) };
}
