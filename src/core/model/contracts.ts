import type { FieldType, HttpMethod } from '../catalog/catalog';
import { camelCase, fieldName, httpPath, pascalCase, rpcName, snakeCase } from './naming';
import type { Field } from './types';
import type { ServiceWiring } from './wiring';

/**
 * The contracts a service serves, normalised once: field, RPC and path names made safe and
 * unique. The proto, OpenAPI and AsyncAPI generators and every stub read these, so a name means
 * the same thing in every file.
 */

export interface ContractField {
  /** lower_snake_case: proto field names and JSON keys. */
  name: string;
  /** camelCase, for languages whose fields are camelCase (Java, TypeScript). */
  camel: string;
  /** PascalCase, for Go struct fields. */
  pascal: string;
  type: FieldType;
  /** 1-based position: the proto field number. */
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
  /** Normalised path, `{param}` segments in snake_case. */
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

/** Names of the sample-data fields of a message or response, deduplicated and numbered. */
export function contractFields(fields: readonly Field[]): ContractField[] {
  const seen = new Set<string>();
  const out: ContractField[] = [];
  for (const f of fields) {
    let name = fieldName(f.name);
    // stay clear of names the plumbing uses
    if (name === 'path' || name === 'from_' || name === 'service') name = `${name}_value`;
    let n = name;
    for (let i = 2; seen.has(n); i++) n = `${name}_${i}`;
    seen.add(n);
    out.push({
      name: n,
      camel: camelCase(n, 'field'),
      pascal: pascalCase(n, 'Field'),
      type: f.type,
      number: out.length + 1,
    });
  }
  return out;
}

/** The RPCs a service serves: from every incoming gRPC link, merged by name. */
export function serviceRpcs(w: ServiceWiring): ContractRpc[] {
  const byName = new Map<string, ContractRpc>();
  for (const link of w.incomingGrpc) {
    for (const rpc of link.rpcs) {
      let name = rpcName(rpc.name);
      if (name === 'Ping') name = 'PingCall';
      if (byName.has(name)) continue; // the first declaration wins; callers share it
      byName.set(name, {
        name,
        snake: snakeCase(name, 'call'),
        camel: camelCase(name, 'call'),
        request: contractFields(rpc.request),
        response: contractFields(rpc.response),
      });
    }
  }
  return [...byName.values()];
}

/** The REST endpoints a service serves: from every incoming REST link, merged by method and path. */
export function serviceEndpoints(w: ServiceWiring): ContractEndpoint[] {
  const out = new Map<string, ContractEndpoint>();
  const ids = new Set<string>();
  for (const link of w.incomingRest) {
    for (const e of link.endpoints) {
      const path = httpPath(e.path);
      if (path === '/healthz' || path === '/ping') continue; // the contract's own
      const key = `${e.method} ${path}`;
      if (out.has(key)) continue;
      const params = [...path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1] ?? 'id');
      const words = path
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith('{') ? `by ${s.slice(1, -1)}` : s))
        .join(' ');
      const base = camelCase(`${e.method.toLowerCase()} ${words || 'root'}`, 'op');
      let opId = base;
      for (let i = 2; ids.has(opId); i++) opId = `${base}${i}`;
      ids.add(opId);
      out.set(key, {
        method: e.method,
        path,
        operationId: opId,
        snake: snakeCase(opId, 'op'),
        pascal: pascalCase(opId, 'Op'),
        params,
        request: e.method === 'GET' || e.method === 'DELETE' ? [] : contractFields(e.request),
        response: contractFields(e.response),
      });
    }
  }
  return [...out.values()];
}

/** Sample JSON value of a field type, for TODO bodies and examples. */
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
