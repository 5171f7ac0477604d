import { isBroker } from '../catalog/catalog';
import { legacyFieldNames, legacyOperationName, legacyPath } from './legacyNames';
import { pascalCase, rpcName, topicName } from './naming';
import type {
  Channel,
  DesignType,
  GrpcService,
  HttpEndpoint,
  HttpParam,
  MessageField,
  RpcMethod,
  ServiceApi,
} from './types';

/**
 * Version 2 -> 3: contracts move from the links to the services that serve them (see
 * docs and notes on design version 3). For each service, the RPCs of its incoming gRPC links become
 * one gRPC service and the endpoints of its incoming REST links its REST API, the first declaration
 * of a method winning; the fields become message types owned by the service, numbered as version
 * 2 exported them, so the `.proto` of a migrated design is the one version 2 wrote. Queue links'
 * messages become channels of their broker. Each link keeps the ids of the methods it declared in
 * `uses`. Every declaration that lost to an earlier different one is named in a warning.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 1000): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** How many fields or methods of one list version 2 read (its restore kept as many). */
const PER_LIST = 200;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const V2_TYPES: Record<string, string> = { string: 'string', int: 'int64', float: 'double', bool: 'bool' };

interface V2Field {
  name: string;
  type: string;
}

/** Where a migration repair is reported: a sink that keeps each message once. */
type Warn = (message: string) => void;
const quiet: Warn = () => undefined;
const shown = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(short(v)) : v === null ? 'null' : v === undefined ? 'nothing' : typeof v;
const counted = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many} ${n === 1 ? 'was' : 'were'}`;

/**
 * A version-2 field list, read as version 2's restore read it; every field it drops or retypes
 * is reported under `where` ("the response of GET "/x" of the REST link a → b").
 */
function v2Fields(v: unknown, where = '', warn: Warn = quiet): V2Field[] {
  if (!Array.isArray(v)) return [];
  const out: V2Field[] = [];
  const dropped: string[] = [];
  const retyped: string[] = [];
  v.slice(0, PER_LIST).forEach((x, i) => {
    if (!isObj(x)) return void dropped.push(`entry ${i + 1} (${shown(x)}, not an object)`);
    const name = str(x.name, 100);
    if (!name) return void dropped.push(`entry ${i + 1} (its name ${shown(x.name)} is not a text)`);
    const known = typeof x.type === 'string' && Object.hasOwn(V2_TYPES, x.type);
    if (!known && x.type !== undefined) retyped.push(`${name} (was ${shown(x.type)})`);
    out.push({ name, type: known ? (x.type as string) : 'string' });
  });
  if (dropped.length > 0) warn(`${upperFirst(where)}: ${counted(dropped.length, 'field')} dropped: ${few(dropped)}.`);
  if (retyped.length > 0)
    warn(
      `${upperFirst(where)}: ${retyped.length} ${retyped.length === 1 ? 'field had an unknown type and became a string' : 'fields had an unknown type and became strings'}: ${few(retyped)}.`,
    );
  return out;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const few = (items: readonly string[]) =>
  items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;

/** The objects of a version-2 list; what is not an object is reported under `where`. */
function list(v: unknown, where = '', warn: Warn = quiet, what = 'entry'): Obj[] {
  if (!Array.isArray(v)) return [];
  const bad = v
    .slice(0, PER_LIST)
    .map((x, i) => (isObj(x) ? null : `entry ${i + 1} (${shown(x)})`))
    .filter((x): x is string => x !== null);
  if (bad.length > 0)
    warn(`${upperFirst(where)}: ${counted(bad.length, what)} not an object and dropped: ${few(bad)}.`);
  return v.slice(0, PER_LIST).filter(isObj);
}
/** The shape of a field list as version 2's export saw it, to tell two declarations apart. */
const shape = (fs: readonly V2Field[]) => {
  const names = legacyFieldNames(fs.map((f) => f.name));
  return fs.map((f, i) => `${names[i]?.name}:${f.type}`).join(',');
};
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Collects "first wins" conflicts per node and method, for one warning each. */
class Conflicts {
  private readonly seen = new Map<
    string,
    { what: string; node: string; first: string; shape: string; lost: string[] }
  >();
  declare(key: string, what: string, node: string, from: string, s: string): boolean {
    const known = this.seen.get(key);
    if (!known) {
      this.seen.set(key, { what, node, first: from, shape: s, lost: [] });
      return true;
    }
    if (known.shape !== s) known.lost.push(from);
    return false;
  }
  warnings(): string[] {
    return [...this.seen.values()]
      .filter((c) => c.lost.length > 0)
      .map((c) => {
        const names = [...new Set(c.lost)];
        const from =
          names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        return `${short(c.node)}: ${c.what} was declared differently by ${from}; kept the first (from ${short(c.first)}), ${c.lost.length} more ignored.`;
      });
  }
}

/** Makes unique ids and unique type names (per package) for one migrated document. */
class Names {
  private n = 0;
  private readonly taken = new Set<string>();
  id(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
  typeName(scope: string, base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(`${scope} ${name}`); i++) name = `${base}${i}`;
    this.taken.add(`${scope} ${name}`);
    return name;
  }
}

export function migrate2to3(doc: Obj, warnings: string[]): Obj {
  const repairs = new Set<string>();
  const warn: Warn = (m) => void repairs.add(m);
  const nodes = new Map<string, Obj>();
  for (const n of Array.isArray(doc.nodes) ? doc.nodes : [])
    if (isObj(n) && typeof n.id === 'string' && !nodes.has(n.id)) nodes.set(n.id, n);
  const nameOf = (id: string) => str(nodes.get(id)?.name, 100) || id;
  const rawLinks = (Array.isArray(doc.links) ? doc.links : []).filter(isObj);
  const types: DesignType[] = [];
  const names = new Names();
  const conflicts = new Conflicts();
  const apis = new Map<string, ServiceApi>();
  const channels = new Map<string, Channel[]>();
  const uses = new Map<Obj, string[]>();
  const stale: string[] = [];

  const message = (name: string, fields: readonly V2Field[], owner?: string): string => {
    const legacy = legacyFieldNames(fields.map((f) => f.name));
    const id = `${names.id('t')}_${name}`.slice(0, 64);
    const out: MessageField[] = fields.map((f, i) => ({
      number: i + 1,
      name: legacy[i]?.name ?? `field_${i + 1}`,
      type: V2_TYPES[f.type] ?? 'string',
    }));
    types.push({ id, kind: 'message', name, ...(owner ? { owner } : {}), fields: out });
    return id;
  };
  const apiOf = (id: string): ServiceApi => {
    let api = apis.get(id);
    if (!api) apis.set(id, (api = { grpc: [], rest: [] }));
    return api;
  };

  const templates = new Map<string, string>();
  // gRPC first: its message names are the ones version 2 wrote in the .proto, so they win a clash.
  for (const link of rawLinks) {
    const target = str(link.target, 100);
    if (link.kind !== 'grpc' || !target || !nodes.has(target)) continue;
    const api = apiOf(target);
    let service: GrpcService | undefined = api.grpc[0];
    if (!service) api.grpc.push((service = { id: names.id('grpc'), rpcs: [] }));
    const used: string[] = [];
    const from = nameOf(str(link.source, 100) ?? '');
    const where = `the gRPC link ${short(from)} → ${short(nameOf(target))}`;
    for (const [i, raw] of list(link.rpcs, `the RPCs of ${where}`, warn, 'RPC').entries()) {
      const declared = str(raw.name, 100);
      if (!declared || declared.trim() === '') {
        warn(`${upperFirst(where)}: RPC ${i + 1} was dropped: its name ${shown(raw.name)} is not a text.`);
        continue;
      }
      let name = rpcName(declared);
      if (name === 'Ping') name = 'PingCall';
      const request = v2Fields(raw.request, `the request of ${name} on ${where}`, warn);
      const response = v2Fields(raw.response, `the response of ${name} on ${where}`, warn);
      const key = `${target} rpc ${name}`;
      if (conflicts.declare(key, `the RPC ${name}`, nameOf(target), from, `${shape(request)}|${shape(response)}`)) {
        const scope = `node ${target}`;
        const rpc: RpcMethod = {
          id: names.id('rpc'),
          name,
          request: message(names.typeName(scope, `${name}Request`), request, target),
          response: message(names.typeName(scope, `${name}Response`), response, target),
        };
        service.rpcs.push(rpc);
      }
      const id = service.rpcs.find((r) => r.name === name)?.id;
      if (id && !used.includes(id)) used.push(id);
    }
    if (used.length > 0) uses.set(link, used);
  }

  for (const link of rawLinks) {
    const target = str(link.target, 100);
    if (link.kind !== 'rest' || !target || !nodes.has(target)) continue;
    const used: string[] = [];
    const from = nameOf(str(link.source, 100) ?? '');
    const where = `the REST link ${short(from)} → ${short(nameOf(target))}`;
    for (const [i, raw] of list(link.endpoints, `the endpoints of ${where}`, warn, 'endpoint').entries()) {
      const method = METHODS.includes(raw.method as string) ? (raw.method as HttpEndpoint['method']) : 'GET';
      const declared = str(raw.path, 300);
      if (declared === undefined) {
        warn(`${upperFirst(where)}: endpoint ${i + 1} was dropped: its path ${shown(raw.path)} is not a text.`);
        continue;
      }
      if (raw.method !== undefined && raw.method !== method)
        warn(`The method of the endpoint ${shown(declared)} of ${where} was ${shown(raw.method)}; it is now GET.`);
      if (declared.trim() === '')
        warnings.push(
          `${short(nameOf(target))}: a ${method} endpoint declared by ${short(from)} had an empty path and became ${method} /.`,
        );
      // `/a/{id}` and `/a/{key}` are one route, whatever the method: the first names its parameters
      const template = legacyPath(declared).replace(/\{[^}]*\}/g, '{}');
      const path = templates.get(`${target} ${template}`) ?? legacyPath(declared);
      templates.set(`${target} ${template}`, path);
      const takesBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
      const at = `${method} ${shown(declared)} of ${where}`;
      const request = v2Fields(raw.request, `the request of ${at}`, warn);
      const response = v2Fields(raw.response, `the response of ${at}`, warn);
      const key = `${target} ${method} ${template}`;
      const s = `${shape(request)}|${shape(response)}`;
      const api = apiOf(target);
      if (conflicts.declare(key, `${method} ${short(path)}`, nameOf(target), from, s)) {
        const op = pascalCase(legacyOperationName(method, path), 'Op');
        const scope = `node ${target}`;
        const params: HttpParam[] = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
          name: m[1] ?? 'id',
          in: 'path',
          type: 'string',
          required: true,
        }));
        // version 2 exported no query parameters: a GET's or DELETE's request fields become them
        if (!takesBody) {
          const legacy = legacyFieldNames(request.map((r) => r.name));
          request.forEach((f, i) => {
            const name = legacy[i]?.name ?? `field_${i + 1}`;
            if (!params.some((p) => p.name === name))
              params.push({ name, in: 'query', type: V2_TYPES[f.type] ?? 'string', required: false });
          });
        }
        const endpoint: HttpEndpoint = {
          id: names.id('ep'),
          method,
          path,
          params,
          responses: [
            { status: '200', body: { type: message(names.typeName(scope, `${op}Response`), response, target) } },
          ],
        };
        if (takesBody) endpoint.body = { type: message(names.typeName(scope, `${op}Request`), request, target) };
        api.rest.push(endpoint);
      }
      const found = api.rest.find((e) => `${target} ${e.method} ${e.path.replace(/\{[^}]*\}/g, '{}')}` === key);
      if (found && !used.includes(found.id)) used.push(found.id);
    }
    if (used.length > 0) uses.set(link, used);
  }

  for (const link of rawLinks) {
    if (link.kind !== 'queue') continue;
    const source = nodes.get(str(link.source, 100) ?? '');
    const target = nodes.get(str(link.target, 100) ?? '');
    const broker = isBroker(String(source?.kind)) ? source : isBroker(String(target?.kind)) ? target : undefined;
    const topic = str(link.topic, 200) ?? '';
    if (!broker || topic.trim() === '') continue;
    const brokerId = broker.id as string;
    const service = broker === source ? target : source;
    const from = str(service?.name, 100) ?? '?';
    const fields = v2Fields(link.message, `the message of ${topicName(topic)} from ${short(from)}`, warn);
    const key = `${brokerId} topic ${topicName(topic)}`;
    if (conflicts.declare(key, `the ${topicName(topic)} message`, nameOf(brokerId), from, shape(fields))) {
      const list = channels.get(brokerId) ?? [];
      const name = names.typeName('shared', `${pascalCase(topicName(topic), 'Topic')}Message`);
      list.push({ topic, message: message(name, fields) });
      channels.set(brokerId, list);
    }
  }

  // A kind switch in version 2 kept the other kinds' lists, hidden: they are named, not carried over.
  for (const link of rawLinks) {
    const other = [
      link.kind !== 'rest' && list(link.endpoints).length > 0,
      link.kind !== 'grpc' && list(link.rpcs).length > 0,
      link.kind !== 'queue' && v2Fields(link.message).length > 0,
    ];
    if (other.some(Boolean))
      stale.push(`${short(nameOf(str(link.source, 100) ?? ''))} → ${short(nameOf(str(link.target, 100) ?? ''))}`);
  }
  for (const where of [...new Set(stale)])
    warnings.push(
      `The link ${where} kept methods of another link kind from an earlier kind switch; they were not carried over.`,
    );
  warnings.push(...repairs, ...conflicts.warnings());

  return {
    ...doc,
    version: 3,
    nodes: (Array.isArray(doc.nodes) ? doc.nodes : []).map((n) => {
      if (!isObj(n) || typeof n.id !== 'string' || nodes.get(n.id) !== n) return n;
      const api = apis.get(n.id);
      const chans = channels.get(n.id);
      return { ...n, ...(api ? { api } : {}), ...(chans ? { channels: chans } : {}) };
    }),
    links: (Array.isArray(doc.links) ? doc.links : []).map((l) => {
      if (!isObj(l)) return l;
      const { endpoints: _e, rpcs: _r, message: _m, ...rest } = l;
      const u = uses.get(l);
      return u ? { ...rest, uses: u } : rest;
    }),
    types,
  };
}
