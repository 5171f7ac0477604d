import type {
  EndpointContract,
  ParamContract,
  PayloadContract,
  ResolvedDesignType,
  ResolvedField,
  ResolvedType,
} from '../../../model/contracts';
import { successCode } from '../../../model/contracts';
import { jsonScalarClass } from '../../../model/typeRefs';
import { restTypes } from '../python/models';
import { lit, type RestTarget, type StubPlan } from '../python/plan';
import { endpointLabel, paramSample, payloadSample } from '../python/typed';
import { GenTypes, rpcHandlersTs } from './grpc';
import { clientNames } from './names';

/**
 * The typed REST side of the Node stub: TypeScript interfaces of the JSON bodies (src/models.ts),
 * with a schema table the plumbing validates bodies and parameters against, the Express routes of
 * the own endpoints (src/plumbing/restServer.ts), the typed clients and the handlers.
 */

const TS_RESERVED = new Set([
  'Array',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Date',
  'Error',
  'Map',
  'Set',
  'Promise',
]);

/** The TypeScript name of a design type in src/models.ts. */
export function modelName(t: ResolvedDesignType): string {
  const n = t.names.pascal;
  return TS_RESERVED.has(n) ? `${n}Type` : n;
}

/** The TypeScript type of a JSON value of a type, qualified with `prefix` for models. */
export function tsJsonType(t: ResolvedType, prefix = ''): string {
  switch (t.kind) {
    case 'scalar':
      return { string: 'string', bool: 'boolean', int: 'number', float: 'number' }[jsonScalarClass(t.scalar)];
    case 'enum':
    case 'message':
      return `${prefix}${modelName(t.type)}`;
    case 'wellKnown':
      switch (t.json) {
        case 'string':
          return 'string';
        case 'boolean':
          return 'boolean';
        case 'integer':
        case 'number':
          return 'number';
        case 'array':
          return 'unknown[]';
        case 'object':
          return 'Record<string, unknown>';
        default:
          return 'unknown';
      }
  }
}

/** The kind of a value in the schema table: `string`, `int`, `float`, `bool`, `any`, `object`, `enum:X`, `msg:X`. */
function schemaKind(t: ResolvedType): string {
  switch (t.kind) {
    case 'scalar':
      return jsonScalarClass(t.scalar);
    case 'enum':
      return `enum:${modelName(t.type)}`;
    case 'message':
      return `msg:${modelName(t.type)}`;
    case 'wellKnown':
      return (
        { string: 'string', boolean: 'bool', integer: 'int', number: 'float', array: 'array', object: 'object' }[
          t.json as string
        ] ?? 'any'
      );
  }
}

function fieldTs(f: ResolvedField): string {
  const t = tsJsonType(f.type);
  if (f.cardinality === 'repeated') return `${t}[]`;
  if (f.cardinality === 'map') return `Record<string, ${t}>`;
  return t;
}

/** `src/models.ts`: the interfaces of the REST bodies and their schema table. Generated: do not edit. */
export function modelsTs(types: readonly ResolvedDesignType[]): string {
  const decls = types.map((t) => {
    if (t.kind === 'enum')
      return `/** ${t.names.full} */\nexport type ${modelName(t)} = ${t.values.map((v) => lit(v.name)).join(' | ') || 'string'};`;
    const body = t.fields.map((f) => `  ${lit(f.jsonKey)}?: ${fieldTs(f)};`).join('\n');
    return `/** ${t.names.full} */\nexport interface ${modelName(t)} {\n${body}${body ? '\n' : ''}}`;
  });
  const enums = types.filter((t) => t.kind === 'enum');
  const messages = types.filter((t) => t.kind === 'message');
  return `/**
 * The types of the REST bodies, responses and parameters this service serves and calls, as JSON
 * (keys as on the wire). Generated from the design: do not edit.
 */

${decls.join('\n\n')}

/** A field of the schema table: JSON key, kind (string, int, float, bool, enum:X, msg:X, any, object, array) and cardinality. */
export type SchemaField = [key: string, kind: string, card: 'single' | 'optional' | 'repeated' | 'map'];

/** The values of each enum, by name. */
export const ENUMS: Record<string, string[]> = {
${enums.map((t) => `  ${lit(modelName(t))}: [${t.kind === 'enum' ? t.values.map((v) => lit(v.name)).join(', ') : ''}],`).join('\n')}
};

/** The fields of each message. */
export const MESSAGES: Record<string, SchemaField[]> = {
${messages
  .map(
    (t) =>
      `  ${lit(modelName(t))}: [${t.kind === 'message' ? t.fields.map((f) => `[${lit(f.jsonKey)}, ${lit(schemaKind(f.type))}, ${lit(f.cardinality)}]`).join(', ') : ''}],`,
  )
  .join('\n')}
};
`;
}

function payloadTs(p: PayloadContract, prefix = ''): string {
  const t = tsJsonType(p.type, prefix);
  return p.repeated ? `${t}[]` : t;
}

function paramTs(p: ParamContract, prefix = ''): string {
  const t = tsJsonType(p.type, prefix);
  return p.repeated ? `${t}[]` : t;
}

function successStatus(e: EndpointContract): number {
  return successCode(e);
}

/** The TypeScript argument names of an endpoint's parameters, then of its body, unique. */
function endpointArgs(e: EndpointContract): { params: Map<ParamContract, string>; body: string | null } {
  const params = new Map<ParamContract, string>();
  const taken = new Set(['body', 'headers', 'timeoutMs', 'args']);
  for (const p of e.params) {
    let n = /^[A-Za-z_]/.test(p.names.camel) ? p.names.camel : `p${p.names.camel}`;
    while (taken.has(n)) n = `${n}_`;
    taken.add(n);
    params.set(p, n);
  }
  return { params, body: e.body ? 'body' : null };
}

/** The handler of each own endpoint in src/handlers.ts (its operation's camelCase name). */
export function restHandlerNames(p: StubPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['onMessage']);
  for (const e of p.ownEndpoints) {
    let n = e.names.camel;
    while (taken.has(n) || n.startsWith('rpc')) n = `${n}_`;
    taken.add(n);
    out.set(e, n);
  }
  return out;
}

/** The Express route of an endpoint: parameters as `:p0`, `:p1` …, router characters escaped, case kept. */
export function expressPath(e: EndpointContract): string {
  let i = 0;
  return e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => (/^\{[^}]*\}$/.test(s) ? `:p${i++}` : s.replace(/[()[\]?+*!:{}\\]/g, '\\$&')))
    .join('');
}

function routeOf(p: StubPlan, e: EndpointContract, handler: string): string {
  const { params, body } = endpointArgs(e);
  let i = 0;
  const route = new Map<string, string>();
  for (const m of e.path.matchAll(/\{([^}]*)\}/g)) route.set(m[1] ?? '', `p${i++}`);
  const spec = [...params].map(([prm]) => {
    const from = prm.in === 'path' ? lit(route.get(prm.name) ?? '') : lit(prm.name);
    return `{ name: ${lit(prm.name)}, in: ${lit(prm.in)}, from: ${from}, kind: ${lit(schemaKind(prm.type))}, required: ${prm.required ? 'true' : 'false'}, repeated: ${prm.repeated ? 'true' : 'false'}, sample: ${JSON.stringify(paramSample(e, prm))} }`;
  });
  const args = [
    ...[...params].map(
      ([prm]) => `a.params[${lit(prm.name)}] as ${paramTs(prm, 'models.')}${prm.required ? '' : ' | undefined'}`,
    ),
    ...(body && e.body ? [`a.body as ${payloadTs(e.body, 'models.')} | undefined`] : []),
  ];
  return `
  // ${e.method} ${e.path}
  serve(app, ${lit(e.method.toLowerCase())}, ${lit(expressPath(e))}, {
    label: ${lit(endpointLabel(e))},
    params: [${spec.length ? `\n      ${spec.join(',\n      ')},\n    ` : ''}],
    body: ${e.body ? `{ kind: ${lit(schemaKind(e.body.type))}, repeated: ${e.body.repeated ? 'true' : 'false'}, sample: ${JSON.stringify(payloadSample(e.body))} }` : 'null'},
    status: ${successStatus(e)},
    answer: ${e.success.body ? JSON.stringify(payloadSample(e.success.body)) : 'null'},
    handler: (a) => handlers.${handler}(${args.join(', ')}),
  });`;
}

/** `src/plumbing/restServer.ts`: the own endpoints as Express routes, typed and validated. */
export function restServerTs(p: StubPlan): string {
  const names = restHandlerNames(p);
  return `/**
 * The service's REST endpoints. Generated: do not edit; the bodies live in src/handlers.ts.
 *
 * Each route reads the path, query and header parameters and the JSON body as the contract types
 * them (400 for a parameter that does not fit, 422 for a body), answers an exercise call (header
 * \`polyglot-exercise\`) with the sample after checking the request, else calls the handler. Errors
 * are RFC 9457 application/problem+json.
 */

import type { Express, NextFunction, Request, Response } from 'express';
import * as handlers from '../handlers.js';
import * as models from '../models.js';
import { HEADER, Problem, jsonDiff } from './exercise.js';

interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  from: string;
  kind: string;
  required: boolean;
  repeated: boolean;
  sample: unknown;
}

interface Route {
  label: string;
  params: ParamSpec[];
  body: { kind: string; repeated: boolean; sample: unknown } | null;
  status: number;
  answer: unknown;
  handler: (a: { params: Record<string, unknown>; body: unknown }) => Promise<unknown>;
}

/** Sends a problem (RFC 9457). */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.body()));
}

/** A value of a kind, checked: throws with what does not fit. */
export function conform(kind: string, v: unknown, where: string): unknown {
  const bad = (what: string) => new Error(\`\${where}: \${what}, got \${JSON.stringify(v)?.slice(0, 80)}\`);
  if (kind === 'string') {
    if (typeof v !== 'string') throw bad('expected a string');
    return v;
  }
  if (kind === 'int') {
    const n = typeof v === 'string' && /^-?\\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw bad('expected an integer');
    return n;
  }
  if (kind === 'float') {
    if (typeof v !== 'number' && !(typeof v === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(v))) throw bad('expected a number');
    return v;
  }
  if (kind === 'bool') {
    if (typeof v !== 'boolean') throw bad('expected true or false');
    return v;
  }
  if (kind === 'object') {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('expected an object');
    return v;
  }
  if (kind === 'array') {
    if (!Array.isArray(v)) throw bad('expected a list');
    return v;
  }
  if (kind.startsWith('enum:')) {
    const values = models.ENUMS[kind.slice(5)] ?? [];
    if (typeof v !== 'string' || !values.includes(v)) throw bad(\`expected one of \${values.join(', ')}\`);
    return v;
  }
  if (kind.startsWith('msg:')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('expected an object');
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, k, card] of models.MESSAGES[kind.slice(4)] ?? []) {
      const x = src[key];
      if (x === undefined || x === null) continue;
      const at = \`\${where}.\${key}\`;
      if (card === 'repeated') {
        if (!Array.isArray(x)) throw new Error(\`\${at}: expected a list\`);
        out[key] = x.map((y, i) => conform(k, y, \`\${at}[\${i}]\`));
      } else if (card === 'map') {
        if (typeof x !== 'object' || Array.isArray(x)) throw new Error(\`\${at}: expected an object\`);
        out[key] = Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([mk, y]) => [mk, conform(k, y, \`\${at}.\${mk}\`)]));
      } else out[key] = conform(k, x, at);
    }
    return out;
  }
  return v;
}

function parseParam(raw: string, spec: ParamSpec): unknown {
  let v: unknown = raw;
  if (spec.kind === 'int' || spec.kind === 'float') v = raw.trim() === '' ? raw : Number(raw);
  else if (spec.kind === 'bool') v = ['true', '1'].includes(raw.toLowerCase()) ? true : ['false', '0'].includes(raw.toLowerCase()) ? false : raw;
  else if (spec.kind.startsWith('msg:') || spec.kind === 'object' || spec.kind === 'array') {
    try {
      v = JSON.parse(raw);
    } catch {
      throw new Problem(400, \`parameter \${spec.name}: \${JSON.stringify(raw)} is not JSON\`);
    }
  }
  try {
    return conform(spec.kind, v, \`parameter \${spec.name}\`);
  } catch (err) {
    throw new Problem(400, err instanceof Error ? err.message : String(err));
  }
}

function readParam(req: Request, spec: ParamSpec): unknown {
  let raws: string[];
  if (spec.in === 'path') raws = [String(req.params[spec.from] ?? '')];
  else if (spec.in === 'header') {
    const h = req.get(spec.from);
    raws = h === undefined ? [] : spec.repeated ? h.split(',').map((s) => s.trim()) : [h];
  } else {
    const q = req.query[spec.from];
    raws = q === undefined ? [] : (Array.isArray(q) ? q : [q]).map((x) => String(x));
  }
  if (spec.repeated) return raws.map((r) => parseParam(r, spec));
  const first = raws[0];
  if (first === undefined) {
    if (spec.required) throw new Problem(400, \`parameter \${spec.name} is required\`);
    return undefined;
  }
  return parseParam(first, spec);
}

function readBody(req: Request, spec: NonNullable<Route['body']>): unknown {
  const raw: unknown = req.body;
  if (raw === undefined || raw === null) return undefined;
  try {
    if (spec.repeated) {
      if (!Array.isArray(raw)) throw new Error('body: expected a list');
      return raw.map((x, i) => conform(spec.kind, x, \`body[\${i}]\`));
    }
    return conform(spec.kind, raw, 'body');
  } catch (err) {
    throw new Problem(422, \`the body does not fit the contract: \${err instanceof Error ? err.message : String(err)}\`);
  }
}

function serve(app: Express, method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options', path: string, route: Route): void {
  app[method](path, async (req: Request, res: Response) => {
    try {
      const params: Record<string, unknown> = {};
      for (const spec of route.params) params[spec.name] = readParam(req, spec);
      const body = route.body ? readBody(req, route.body) : undefined;
      let answer: unknown;
      if (req.get(HEADER)) {
        const expected: Record<string, unknown> = {};
        for (const spec of route.params) expected[spec.name] = spec.sample;
        const got: Record<string, unknown> = { ...params };
        if (route.body) {
          expected['body'] = route.body.sample;
          got['body'] = body;
        }
        const problem = jsonDiff(expected, got);
        if (problem !== null) throw new Problem(422, \`\${route.label}: the request differs from the sample: \${problem}\`);
        answer = route.answer;
      } else answer = await route.handler({ params, body });
      if (answer === null || answer === undefined) res.status(route.status).end();
      else res.status(route.status).json(answer);
    } catch (err) {
      if (err instanceof Problem) sendProblem(res, err);
      else {
        console.error(\`\${route.label} failed:\`, err);
        sendProblem(res, new Problem(500, err instanceof Error ? err.message : String(err)));
      }
    }
  });
}

/** Adds the own endpoints to the app, and the problem+json answer of a body that is not JSON. */
export function addRoutes(app: Express): void {${p.ownEndpoints.map((e) => routeOf(p, e, names.get(e) ?? 'op')).join('\n')}
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 500;
    sendProblem(res, new Problem(status === 400 ? 400 : status, err instanceof Error ? err.message : String(err)));
  });
}
`;
}

/** `src/handlers.ts`: the user's code, typed, with a TODO body returning sample data per handler. */
export function handlersTs(p: StubPlan): string {
  const names = clientNames(p);
  const restNames = restHandlerNames(p);
  const types = new GenTypes('src');
  const rest = p.ownEndpoints.map((e) => {
    const { params, body } = endpointArgs(e);
    const sig = [...params].map(([prm, n]) => `_${n}${prm.required ? '' : '?'}: ${paramTs(prm, 'models.')}`);
    if (body && e.body) sig.push(`_body?: ${payloadTs(e.body, 'models.')}`);
    const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
    const ret = e.success.body ? payloadTs(e.success.body, 'models.') : 'void';
    return `
/**
 * ${e.method} ${e.path}${e.summary ? `: ${e.summary.replace(/\s+/g, ' ').replace(/\*\//g, '* /').slice(0, 160)}` : ''}${errors.length ? `\n * Throw new Problem(status, detail) for the declared error answers (${errors.join(', ')}).` : ''}
 */
export async function ${restNames.get(e) ?? 'op'}(${sig.join(', ')}): Promise<${ret}> {
  // TODO: replace the sample data with your logic.
  ${e.success.body ? `return ${JSON.stringify(payloadSample(e.success.body))};` : 'return;'}
}
`;
  });
  const rpcs = p.own ? rpcHandlersTs(p, types) : '';
  const clients = [
    ...[...names.rest.values()].map((n) => `// import { ${n.instance} } from './plumbing/restClients.js';`),
    ...[...names.grpc.values()].map((n) => `// import { ${n.instance} } from './plumbing/grpcClients.js';`),
  ];
  const imports = [
    ...(rest.length
      ? ["import type * as models from './models.js';", "import { Problem } from './plumbing/exercise.js';"]
      : []),
    ...(rpcs ? ["import { pbSample } from './plumbing/pb.js';", ...types.imports()] : []),
  ];
  return `/**
 * The code of ${p.dns} that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */

${imports.join('\n')}${imports.length ? '\n' : ''}${rest.length ? '\nexport { Problem };\n' : ''}${clients.length ? `\n// Typed clients of the services this one calls:\n${clients.join('\n')}\n` : ''}${rest.join('')}${rpcs}
/** Called for each message consumed; \`message\` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
`;
}

function clientMethod(r: RestTarget, e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const fields = [...params].map(([prm, n]) => `${n}${prm.required ? '' : '?'}: ${paramTs(prm, 'models.')}`);
  if (body && e.body) fields.push(`body?: ${payloadTs(e.body, 'models.')}`);
  const pathExpr = e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return s.replace(/[`\\$]/g, '\\$&');
      const prm = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      const n = prm && params.get(prm);
      return n ? `\${seg(args.${n})}` : '';
    })
    .join('');
  const query = [...params].filter(([prm]) => prm.in === 'query').map(([prm, n]) => `[${lit(prm.name)}, args.${n}]`);
  const hdrs = [...params].filter(([prm]) => prm.in === 'header').map(([prm, n]) => `[${lit(prm.name)}, args.${n}]`);
  const ret = e.success.body ? payloadTs(e.success.body, 'models.') : 'void';
  const argType = fields.length ? `{ ${fields.join('; ')} }` : 'Record<string, never>';
  const dflt = fields.some((f) => !f.includes('?')) ? '' : ' = {}';
  return `
  /** ${e.method} ${e.path} on ${r.target}; rejects with HttpError on an error answer. */
  async ${name}(args: ${argType}${dflt}, headers: Record<string, string> = {}, timeoutMs = config.TIMEOUT_MS): Promise<${ret}> {
    ${e.success.body ? `return (await this.#${name}(args, headers, timeoutMs)).answer as ${ret};` : `await this.#${name}(args, headers, timeoutMs);`}
  }

  /** Sends ${e.method} ${e.path}: its success status and its JSON answer. */
  async #${name}(args: ${argType}${dflt}, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    ${fields.length ? '' : 'void args;\n    '}return this.send(${lit(e.method)}, \`${pathExpr || '/'}\`, pairs([${query.join(', ')}]), { ...Object.fromEntries(pairs([${hdrs.join(', ')}])), ...headers }, ${body ? 'args.body' : 'undefined'}, timeoutMs);
  }
`;
}

function restClientNames(r: RestTarget): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['exercise', 'send', 'constructor']);
  for (const e of r.used) {
    let n = e.names.camel;
    while (taken.has(n)) n = `${n}_`;
    taken.add(n);
    out.set(e, n);
  }
  return out;
}

function exerciseLine(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const args = [...params].map(([prm, n]) => `${n}: ${JSON.stringify(paramSample(e, prm))}`);
  if (body && e.body) args.push(`body: ${JSON.stringify(payloadSample(e.body))}`);
  const expected = e.success.body ? JSON.stringify(payloadSample(e.success.body)) : 'undefined';
  return `      await method(${lit(endpointLabel(e))}, async () => restDiff(${successStatus(e)}, ${expected}, await this.#${name}({ ${args.join(', ')} } as never, HEADERS, timeoutMs))),`;
}

/** `src/plumbing/restClients.ts`: a typed client per outgoing REST link, with its exercise. */
export function restClientsTs(p: StubPlan): string {
  const names = clientNames(p);
  const parts = p.rest.map((r) => {
    const n = names.rest.get(r);
    if (!n) return '';
    const methods = restClientNames(r);
    return `
/** REST client of ${r.target}, at the address in ${r.call.envVar}. */
export class ${n.className} {
  private async send(method: string, path: string, query: [string, string][], headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<Answer> {
    const qs = new URLSearchParams(query).toString();
    const url = config.env(${lit(r.call.envVar)}).replace(/\\/+$/, '') + path + (qs ? \`?\${qs}\` : '');
    const resp = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await resp.text();
    if (!resp.ok) throw new HttpError(resp.status, text);
    return { status: resp.status, answer: text.trim() ? (JSON.parse(text) as unknown) : undefined };
  }
${r.used.map((e) => clientMethod(r, e, methods.get(e) ?? 'call')).join('')}
  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
${r.used.map((e) => exerciseLine(e, methods.get(e) ?? 'call')).join('\n')}
    ];
  }
}

export const ${n.instance} = new ${n.className}();`;
  });
  const registry = p.rest.map(
    (r) => `  ${lit(names.rest.get(r)?.instance ?? '')}: ${names.rest.get(r)?.instance ?? ''},`,
  );
  return `/** Typed REST clients of the services this one calls. Generated: do not edit. */

import type * as models from '../models.js';
import * as config from './config.js';
import { HEADERS, HttpError, method, restDiff, type Answer, type MethodResult } from './exercise.js';

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function seg(value: unknown): string {
  return encodeURIComponent(text(value));
}

function pairs(items: [string, unknown][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of items) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, text(v)]);
  }
  return out;
}
${parts.join('\n')}

const CLIENTS: Record<string, { exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
${registry.join('\n')}
};

/** The typed exercise of an outgoing REST link, by client name. */
export async function restExercise(client: string, timeoutMs?: number): Promise<MethodResult[]> {
  const c = CLIENTS[client];
  return c ? c.exercise(timeoutMs) : [];
}
`;
}

/** The REST types the service uses: its own endpoints' and those of the endpoints it calls. */
export function nodeRestTypes(p: StubPlan): ResolvedDesignType[] {
  return restTypes([...p.ownEndpoints, ...p.rest.flatMap((r) => r.used)]);
}
