import { CONTRACT_PATHS } from './services';
/**
 * COMPATIBILITY LAYER, to be removed when the last stub runtime reads the typed contracts.
 *
 * The stub generators of design version 2 read flat contracts: an RPC or endpoint with a list of
 * fields of four types (`string`, `int` = int64, `float` = double, `bool`). This file computes
 * those shapes from the version-3 contracts, so that the stubs keep building and talking:
 *
 * - a field is carried when version 2 could have declared it: singular (no label, map or oneof),
 *   of type string, int64, double or bool, named in lower_snake_case (not a reserved word, nor
 *   `path`, `from` or `service`). Other fields are left out here (the typed layer has them) and
 *   keep their numbers, so the stubs' own `.proto` stays wire-compatible with the real one;
 * - streaming RPCs are left out; RPCs of all the node's gRPC services form one service named
 *   as version 2 named it (`Ping` becomes `PingCall`);
 * - endpoints keep their path's case, with parameters in snake_case.
 *
 * A migrated design gives exactly the shapes version 2 gave.
 */
import type { FieldType, HttpMethod } from '../../catalog/catalog';
import { legacyFieldNames, legacyOperationName, legacyPath } from '../legacyNames';
import { camelCase, isReservedWord, pascalCase, rpcName, snakeCase } from '../naming';
import type { TypeRef } from '../typeRefs';
import type { Design, DesignLink, HttpEndpoint, Payload } from '../types';
import { usedBy, type QueueUse, type ServiceWiring } from '../wiring';
import { designContracts } from './design';

/** A field of version 2: a name and one of four types. */
export interface LegacyField {
  name: string;
  type: FieldType;
}

export type LegacyFieldType = FieldType;

export interface ContractField {
  /** lower_snake_case: proto field names and JSON keys. */
  name: string;
  /** camelCase, for languages whose fields are camelCase (Java, TypeScript). */
  camel: string;
  /** PascalCase, for Go struct fields. */
  pascal: string;
  type: FieldType;
  /** The proto field number. */
  number: number;
}

export interface ContractRpc {
  /** PascalCase RPC name, unique in the service; never `Ping`, which every service has. */
  name: string;
  /** snake_case form, for Python and Rust method names. */
  snake: string;
  /** camelCase form, for Java and TypeScript method names. */
  camel: string;
  request: ContractField[];
  response: ContractField[];
}

export interface ContractEndpoint {
  method: HttpMethod;
  /** Normalised path, `{param}` segments in snake_case, literal segments' case kept. */
  path: string;
  /** Unique operation id in camelCase, e.g. `getOrdersById`. */
  operationId: string;
  /** snake_case operation name, for Python and Rust handler names. */
  snake: string;
  /** PascalCase, for Go and Java type names. */
  pascal: string;
  /** Path parameters, in order. */
  params: string[];
  request: ContractField[];
  response: ContractField[];
}

export interface ContractMessage {
  topic: string;
  fields: ContractField[];
}

const LEGACY_TYPES: Partial<Record<string, FieldType>> = {
  string: 'string',
  int64: 'int',
  double: 'float',
  bool: 'bool',
};

/** Gives each field its camelCase and PascalCase forms, unique in the list. */
function withForms(fields: readonly { name: string; type: FieldType; number: number }[]): ContractField[] {
  const seen = new Set<string>();
  return fields.map((f) => {
    const camel = camelCase(f.name, 'field');
    const pascal = pascalCase(f.name, 'Field');
    let i = 1;
    const sfx = () => (i === 1 ? '' : String(i));
    while (seen.has(`c ${camel}${sfx()}`) || seen.has(`p ${pascal}${sfx()}`)) i++;
    seen.add(`c ${camel}${sfx()}`).add(`p ${pascal}${sfx()}`);
    return { name: f.name, camel: camel + sfx(), pascal: pascal + sfx(), type: f.type, number: f.number };
  });
}

const memoFields = new WeakMap<readonly LegacyField[], ContractField[]>();

/** Names of a version-2 field list, deduplicated and numbered by position. */
export function contractFields(fields: readonly LegacyField[]): ContractField[] {
  let known = memoFields.get(fields);
  if (!known) {
    const names = legacyFieldNames(fields.map((f) => f.name));
    known = fields.map((f, i) => ({
      ...(names[i] ?? { name: 'field', camel: 'field', pascal: 'Field' }),
      type: f.type,
      number: i + 1,
    }));
    memoFields.set(fields, known);
  }
  return known;
}

const carried = (name: string) =>
  /^[a-z][a-z0-9_]*$/.test(name) &&
  !name.endsWith('_') &&
  !isReservedWord(name) &&
  name !== 'path' &&
  name !== 'from' &&
  name !== 'service';

const perDesign = new WeakMap<Design, Map<string, unknown>>();
function memo<V>(design: Design, key: string, make: () => V): V {
  let m = perDesign.get(design);
  if (!m) perDesign.set(design, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as V;
}

/** The fields of a message that the version-2 stubs can carry, with their real numbers. */
export function legacyMessageFields(design: Design, ref: TypeRef): ContractField[] {
  return memo(design, `m ${ref}`, () => {
    const t = designContracts(design).universe.resolve(ref);
    if (t?.kind !== 'message') return [];
    const flat = t.type.fields.flatMap((f) => {
      const type =
        f.cardinality === 'single' && f.oneof === undefined && f.type.kind === 'scalar'
          ? LEGACY_TYPES[f.type.scalar]
          : undefined;
      return type && carried(f.name) ? [{ name: f.name, type, number: f.number }] : [];
    });
    return withForms(flat);
  });
}

const payloadFields = (design: Design, p: Payload | undefined) =>
  p && !p.repeated ? legacyMessageFields(design, p.type) : [];

/** The message fields of a queue link's channel. */
export function legacyQueueFields(design: Design, q: QueueUse): ContractField[] {
  return legacyMessageFields(design, q.message);
}

/** The RPCs of a service in version 2's shape: unary ones, of all its gRPC services. */
export function serviceRpcs(w: Pick<ServiceWiring, 'design' | 'node'>): ContractRpc[] {
  return legacyRpcs(w.design, w.node.id).map((r) => r.rpc);
}

function legacyRpcs(design: Design, nodeId: string): { id: string; rpc: ContractRpc }[] {
  return memo(design, `r ${nodeId}`, () => {
    const byName = new Map<string, { id: string; rpc: ContractRpc }>();
    const forms = new Set<string>();
    for (const r of designContracts(design).rpcs(nodeId)) {
      if (r.clientStreaming || r.serverStreaming) continue;
      let name = rpcName(r.name);
      if (name === 'Ping') name = 'PingCall';
      if (byName.has(name)) continue;
      const snake = snakeCase(name, 'call');
      const camel = camelCase(name, 'call');
      let i = 1;
      const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
      while (forms.has(`s ${snake}${sfx('_')}`) || forms.has(`c ${camel}${sfx('')}`)) i++;
      forms.add(`s ${snake}${sfx('_')}`).add(`c ${camel}${sfx('')}`);
      const req = r.source.request;
      const res = r.source.response;
      byName.set(name, {
        id: r.id,
        rpc: {
          name,
          snake: snake + sfx('_'),
          camel: camel + sfx(''),
          request: legacyMessageFields(design, req),
          response: legacyMessageFields(design, res),
        },
      });
    }
    return [...byName.values()];
  });
}

/** The endpoints a service serves, in version 2's shape. */
export function serviceEndpoints(w: Pick<ServiceWiring, 'design' | 'node'>): ContractEndpoint[] {
  return legacyEndpoints(w.design, w.node.id).map((e) => e.endpoint);
}

function legacyEndpoints(design: Design, nodeId: string): { id: string; endpoint: ContractEndpoint }[] {
  return memo(design, `e ${nodeId}`, () => {
    const out = new Map<string, { id: string; endpoint: ContractEndpoint }>();
    const ids = new Set<string>();
    // `/a/{id}` and `/a/{key}` are one route to every router: the first names its parameters
    const templates = new Map<string, string>();
    for (const c of designContracts(design).endpoints(nodeId)) {
      const e: HttpEndpoint = c.source;
      const declared = legacyPath(e.path);
      if (CONTRACT_PATHS.includes(declared)) continue; // the contract's own
      const template = declared.replace(/\{[^}]*\}/g, '{}');
      const path = templates.get(template) ?? declared;
      templates.set(template, path);
      const key = `${e.method} ${path}`;
      if (out.has(key)) continue;
      const params = [...path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1] ?? 'id');
      const base = legacyOperationName(e.method, path);
      const snake = snakeCase(base, 'op');
      const pascal = pascalCase(base, 'Op');
      let i = 1;
      const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
      while (ids.has(base + sfx('')) || ids.has(`s ${snake}${sfx('_')}`) || ids.has(`p ${pascal}${sfx('')}`)) i++;
      ids
        .add(base + sfx(''))
        .add(`s ${snake}${sfx('_')}`)
        .add(`p ${pascal}${sfx('')}`);
      const ok = e.responses.find((r) => /^2/.test(r.status) || r.status === 'default');
      out.set(key, {
        id: e.id,
        endpoint: {
          method: e.method,
          path,
          operationId: base + sfx(''),
          snake: snake + sfx('_'),
          pascal: pascal + sfx(''),
          params,
          request: e.method === 'GET' || e.method === 'DELETE' ? [] : payloadFields(design, e.body),
          response: payloadFields(design, ok?.body),
        },
      });
    }
    return [...out.values()];
  });
}

/** The endpoints some REST links of one caller use on their target, in version 2's shape. */
export function legacyLinkEndpoints(design: Design, links: readonly DesignLink[]): ContractEndpoint[] {
  const out: ContractEndpoint[] = [];
  for (const l of links)
    for (const e of usedBy(legacyEndpoints(design, l.target), l)) if (!out.includes(e.endpoint)) out.push(e.endpoint);
  return out;
}

/** The RPCs a gRPC link uses on its target, in version 2's shape. */
export function legacyLinkRpcs(design: Design, link: DesignLink): ContractRpc[] {
  return usedBy(legacyRpcs(design, link.target), link).map((r) => r.rpc);
}

/** Sample JSON value of a version-2 field type, for TODO bodies and examples. */
export function sampleValue(type: FieldType, name: string): string | number | boolean {
  switch (type) {
    case 'int':
      return 42;
    case 'float':
      return 0.5;
    case 'bool':
      return true;
    default:
      return `sample-${name}`;
  }
}
