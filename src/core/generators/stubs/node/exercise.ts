/**
 * `src/plumbing/exercise.ts`: the typed exercise of the contract (docs/stub-contract.md, "How a
 * converted stub does it"), as the Python stubs do it: the marker, RFC 9457 problems, JSON
 * comparison and the `methods` entries of the `/ping` tree.
 */
export const EXERCISE_TS = `/**
 * The typed exercise of the service contract (docs/stub-contract.md). Generated: do not edit.
 *
 * /ping calls every RPC and endpoint of an outgoing link with the contract's deterministic sample
 * data, marked with the \`polyglot-exercise: 1\` header (gRPC metadata or HTTP header). The callee
 * checks that what arrived equals the sample and answers the sample response; the caller checks
 * the answer. A streaming side sends the sample twice. User handlers are never called for it.
 */

export const HEADER = 'polyglot-exercise';
/** HTTP headers of an exercise call. */
export const HEADERS: Record<string, string> = { [HEADER]: '1' };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** An error answer of a REST endpoint, sent as RFC 9457 application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }

  body(): Record<string, unknown> {
    return { type: 'about:blank', title: TITLES[this.status] ?? 'Error', status: this.status, detail: this.detail };
  }
}

/** An error answer received by a REST client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(\`HTTP \${status}: \${short(text)}\`);
  }
}

/** JSON with sorted keys: the same text for equal values. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'null';
}

export function short(value: unknown): string {
  const text = typeof value === 'string' ? value : stableJson(value);
  return text.length <= 300 ? text : \`\${text.slice(0, 297)}...\`;
}

/** A JSON value without its unset fields (null or undefined object members); lists and maps stay. */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

/** null when two JSON values are equal (unset fields left out), else what differs. */
export function jsonDiff(expected: unknown, got: unknown): string | null {
  const a = stableJson(clean(expected));
  const b = stableJson(clean(got));
  return a === b ? null : \`expected \${short(a)}, got \${short(b)}\`;
}

/** What a REST call answered: its success status and its JSON body (undefined when it had none). */
export interface Answer {
  status: number;
  answer: unknown;
}

/** Null when an exercise call's answer has the declared success status and the expected body, else what differs. */
export function restDiff(status: number, expected: unknown, got: Answer): string | null {
  if (got.status !== status) return \`expected HTTP \${status}, got HTTP \${got.status}\`;
  return jsonDiff(expected, got.answer);
}

export interface MethodResult {
  name: string;
  ok: boolean;
  error?: string;
}

const GRPC_CODES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** The text of a failed call: a gRPC status and its details, an HTTP status and its body, or the error. */
export function errorText(err: unknown): string {
  if (err instanceof HttpError) return err.message;
  if (err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'number' && 'details' in err) {
    const e = err as { code: number; details: unknown };
    return \`\${GRPC_CODES[e.code] ?? e.code}: \${String(e.details)}\`;
  }
  return err instanceof Error ? \`\${err.name}: \${err.message}\` : String(err);
}

/** Runs one exercise call: a \`methods\` entry of the /ping tree. */
export async function method(name: string, run: () => Promise<string | null>): Promise<MethodResult> {
  let problem: string | null;
  try {
    problem = await run();
  } catch (err) {
    problem = errorText(err);
  }
  return problem === null ? { name, ok: true } : { name, ok: false, error: problem };
}
`;

/**
 * `src/plumbing/pb.ts`: the contract protos read with protobufjs, for what the exercise needs:
 * the protobuf form of a sample (its JSON mapping: Timestamps, Durations, Structs, wrappers, bytes
 * as base64, enums by name, json_name keys) and the comparison of two messages of a type.
 */
export const PB_TS = `/**
 * The contract's messages, read with protobufjs from proto/, for the typed exercise.
 * Generated: do not edit.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { short, stableJson } from './exercise.js';
import { CONTRACT_FILES } from './protos.js';

const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

let root: protobuf.Root | undefined;

/** Every type of the contract files (the well-known types come with protobufjs). */
function pbRoot(): protobuf.Root {
  if (!root) {
    const r = new protobuf.Root();
    r.resolvePath = (_origin, target) => {
      if (path.isAbsolute(target)) return target;
      const full = path.join(PROTO_ROOT, target);
      return fs.existsSync(full) ? full : target;
    };
    r.loadSync(CONTRACT_FILES, { keepCase: true });
    r.resolveAll();
    root = r;
  }
  return root;
}

export function pbType(fullName: string): protobuf.Type {
  return pbRoot().lookupType(fullName);
}

function seconds(text: string): { seconds: number; nanos: number } {
  const m = /^(-?)(\\d+)(?:\\.(\\d{1,9}))?s$/.exec(text);
  if (!m) throw new Error(\`not a Duration: \${text}\`);
  const sign = m[1] ? -1 : 1;
  return { seconds: sign * Number(m[2]), nanos: sign * Number((m[3] ?? '').padEnd(9, '0')) };
}

function timestamp(text: string): { seconds: number; nanos: number } {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(\`not a Timestamp: \${text}\`);
  const frac = /\\.(\\d{1,9})/.exec(text)?.[1] ?? '';
  return { seconds: Math.floor(ms / 1000), nanos: Number(frac.padEnd(9, '0')) };
}

function value(v: unknown): Record<string, unknown> {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(value) } };
  return { structValue: struct(v) };
}

function struct(v: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, x] of Object.entries((v ?? {}) as Record<string, unknown>)) fields[k] = value(x);
  return { fields };
}

function fieldValue(field: protobuf.Field, v: unknown): unknown {
  const t = field.resolvedType;
  return t instanceof protobuf.Type ? fromJson(t, v) : v;
}

/** The protobufjs object (field names as in the .proto) of a message's JSON form. */
export function fromJson(t: protobuf.Type, json: unknown): unknown {
  const name = t.fullName.replace(/^\\./, '');
  switch (name) {
    case 'google.protobuf.Timestamp':
      return typeof json === 'string' ? timestamp(json) : json;
    case 'google.protobuf.Duration':
      return typeof json === 'string' ? seconds(json) : json;
    case 'google.protobuf.Struct':
      return struct(json);
    case 'google.protobuf.Value':
      return value(json);
    case 'google.protobuf.ListValue':
      return { values: Array.isArray(json) ? json.map(value) : [] };
    case 'google.protobuf.FieldMask':
      return { paths: typeof json === 'string' && json ? json.split(',') : [] };
    default:
      if (/^google\\.protobuf\\.\\w+Value$/.test(name)) return { value: json };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const src = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of t.fieldsArray) {
    const jsonName = (f.options?.['json_name'] as string | undefined) ?? f.name;
    const raw = src[jsonName] ?? src[f.name];
    if (raw === undefined || raw === null) continue;
    if (f.map) {
      out[f.name] = Object.fromEntries(
        Object.entries(raw as Record<string, unknown>).map(([k, x]) => [k, fieldValue(f, x)]),
      );
    } else if (f.repeated) out[f.name] = (raw as unknown[]).map((x) => fieldValue(f, x));
    else out[f.name] = fieldValue(f, raw);
  }
  return out;
}

/** The message object of a sample, as @grpc/proto-loader serializes it. */
export function pbSample<T>(fullName: string, json: unknown): T {
  return fromJson(pbType(fullName), json) as T;
}

function isDefault(v: unknown, field: protobuf.Field): boolean {
  if (v === '' || v === 0 || v === '0' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  const e = field.resolvedType;
  if (e instanceof protobuf.Enum && typeof v === 'string') return e.values[v] === 0;
  return false;
}

function prune(t: protobuf.Type, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of t.fieldsArray) {
    const v = obj[f.name];
    if (v === undefined || v === null) continue;
    const sub = f.resolvedType instanceof protobuf.Type ? f.resolvedType : null;
    if (f.map) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) continue;
      out[f.name] = Object.fromEntries(
        entries.map(([k, x]) => [k, sub ? prune(sub, x as Record<string, unknown>) : x]),
      );
    } else if (f.repeated) {
      const list = v as unknown[];
      if (list.length === 0) continue;
      out[f.name] = list.map((x) => (sub ? prune(sub, x as Record<string, unknown>) : x));
    } else if (sub) out[f.name] = prune(sub, v as Record<string, unknown>);
    else if (!isDefault(v, f)) out[f.name] = v;
  }
  return out;
}

/** A message in one comparable form: what the wire carries, default values left out. */
function canonical(t: protobuf.Type, obj: unknown): Record<string, unknown> {
  const msg = t.fromObject((obj ?? {}) as Record<string, unknown>);
  const plain = t.toObject(msg, { longs: String, enums: String, bytes: String, defaults: false });
  return prune(t, plain);
}

/** null when a received message equals the sample (its JSON form) of its type, else what differs. */
export function pbDiff(fullName: string, sampleJson: unknown, got: unknown): string | null {
  const t = pbType(fullName);
  const a = stableJson(canonical(t, fromJson(t, sampleJson)));
  const b = stableJson(canonical(t, got));
  return a === b ? null : \`expected \${short(a)}, got \${short(b)}\`;
}

/** null when a stream carried the sample exactly twice. */
export function streamDiff(fullName: string, sampleJson: unknown, got: unknown[]): string | null {
  if (got.length !== 2) return \`expected the sample twice, got \${got.length} message(s)\`;
  return pbDiff(fullName, sampleJson, got[0]) ?? pbDiff(fullName, sampleJson, got[1]);
}
`;
