import type { FieldType, HttpMethod } from '../catalog/catalog';
import { camelCase, fieldName, httpPath, isReservedWord, pascalCase, rpcName, snakeCase } from './naming';
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

// Every stub, contract and document of an export asks for the same few lists again and again:
// each answer is made once per list (designs are never changed in place) and shared, so callers
// must not change what they get.
function memoByObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    let known = answers.get(key);
    if (known === undefined) answers.set(key, (known = make(key)));
    return known;
  };
}
const fieldsOf = memoByObject(makeContractFields);
const rpcsOf = memoByObject(makeServiceRpcs);
const endpointsOf = memoByObject(makeServiceEndpoints);

/** Names of the sample-data fields of a message or response, deduplicated and numbered. */
/** The paths every service serves for the contract itself: a declared endpoint on one is skipped. */
export const CONTRACT_PATHS: readonly string[] = ['/healthz', '/readyz', '/ping'];

export function contractFields(fields: readonly Field[]): ContractField[] {
  return fieldsOf(fields);
}

function makeContractFields(fields: readonly Field[]): ContractField[] {
  const seen = new Set<string>();
  const out: ContractField[] = [];
  for (const f of fields) {
    // A reserved word comes back as `word_`; buf's lower_snake_case rule refuses the trailing
    // underscore, so such a name, and the names the plumbing uses, become `word_value`.
    let name = fieldName(f.name).replace(/_$/, '');
    if (isReservedWord(name) || name === 'path' || name === 'from' || name === 'service') name = `${name}_value`;
    // `x_2` and `x2` differ, their camelCase does not: every form must be unique. The suffix goes
    // after the 40-character clip, so it cannot be clipped away.
    const camel = camelCase(name, 'field');
    const pascal = pascalCase(name, 'Field');
    let i = 1;
    const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
    while (seen.has(name + sfx('_')) || seen.has(`c ${camel}${sfx('')}`) || seen.has(`p ${pascal}${sfx('')}`)) i++;
    seen
      .add(name + sfx('_'))
      .add(`c ${camel}${sfx('')}`)
      .add(`p ${pascal}${sfx('')}`);
    out.push({
      name: name + sfx('_'),
      camel: camel + sfx(''),
      pascal: pascal + sfx(''),
      type: f.type,
      number: out.length + 1,
    });
  }
  return out;
}

/** The RPCs a service serves: from every incoming gRPC link, merged by name. */
export function serviceRpcs(w: ServiceWiring): ContractRpc[] {
  return rpcsOf(w.incomingGrpc);
}

function makeServiceRpcs(incomingGrpc: ServiceWiring['incomingGrpc']): ContractRpc[] {
  const byName = new Map<string, ContractRpc>();
  const forms = new Set<string>();
  for (const link of incomingGrpc) {
    for (const rpc of link.rpcs) {
      let name = rpcName(rpc.name);
      if (name === 'Ping') name = 'PingCall';
      if (byName.has(name)) continue; // the first declaration wins; callers share it
      // two long names can share their clipped snake_case or camelCase form: number the later one
      const snake = snakeCase(name, 'call');
      const camel = camelCase(name, 'call');
      let i = 1;
      const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
      while (forms.has(`s ${snake}${sfx('_')}`) || forms.has(`c ${camel}${sfx('')}`)) i++;
      forms.add(`s ${snake}${sfx('_')}`).add(`c ${camel}${sfx('')}`);
      byName.set(name, {
        name,
        snake: snake + sfx('_'),
        camel: camel + sfx(''),
        request: contractFields(rpc.request),
        response: contractFields(rpc.response),
      });
    }
  }
  return [...byName.values()];
}

/** The REST endpoints a service serves: from every incoming REST link, merged by method and path. */
export function serviceEndpoints(w: Pick<ServiceWiring, 'incomingRest'>): ContractEndpoint[] {
  return endpointsOf(w.incomingRest);
}

function makeServiceEndpoints(incomingRest: ServiceWiring['incomingRest']): ContractEndpoint[] {
  const out = new Map<string, ContractEndpoint>();
  const ids = new Set<string>();
  // `/a/{id}` and `/a/{key}` are one route to every router (Go's ServeMux refuses both), so a
  // template keeps the parameter names it was first declared with.
  const templates = new Map<string, string>();
  for (const link of incomingRest) {
    for (const e of link.endpoints) {
      const declared = uniqueParams(httpPath(e.path));
      if (CONTRACT_PATHS.includes(declared)) continue; // the contract's own
      const template = declared.replace(/\{[^}]*\}/g, '{}');
      const path = templates.get(template) ?? declared;
      templates.set(template, path);
      const key = `${e.method} ${path}`;
      if (out.has(key)) continue;
      const params = [...path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1] ?? 'id');
      const words = path
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith('{') ? `by ${s.slice(1, -1)}` : s))
        .join(' ');
      const base = camelCase(`${e.method.toLowerCase()} ${words || 'root'}`, 'op');
      // every form must be unique, and the number goes after the 40-character clip
      const snake = snakeCase(base, 'op');
      const pascal = pascalCase(base, 'Op');
      let i = 1;
      const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
      while (ids.has(base + sfx('')) || ids.has(`s ${snake}${sfx('_')}`) || ids.has(`p ${pascal}${sfx('')}`)) i++;
      ids
        .add(base + sfx(''))
        .add(`s ${snake}${sfx('_')}`)
        .add(`p ${pascal}${sfx('')}`);
      out.set(key, {
        method: e.method,
        path,
        operationId: base + sfx(''),
        snake: snake + sfx('_'),
        pascal: pascal + sfx(''),
        params,
        request: e.method === 'GET' || e.method === 'DELETE' ? [] : contractFields(e.request),
        response: contractFields(e.response),
      });
    }
  }
  return [...out.values()];
}

/** Numbers a repeated path parameter: `/a/{id}/b/{id}` becomes `/a/{id}/b/{id_2}`. */
function uniqueParams(path: string): string {
  const seen = new Set<string>();
  return path.replace(/\{([a-z0-9_]+)\}/g, (_m, p: string) => {
    let n = p;
    for (let i = 2; seen.has(n); i++) n = `${p}_${i}`;
    seen.add(n);
    return `{${n}}`;
  });
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
