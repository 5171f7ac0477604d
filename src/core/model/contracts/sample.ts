import type { ResolvedField, ResolvedMessage, ResolvedType } from './universe';

/**
 * Deterministic sample data: the same JSON value for the same type in every language, so that a
 * caller in one runtime and a callee in another can check that what arrived is what was sent.
 * The rules (docs/stub-contract.md):
 *
 * - strings `"<field>-sample"`; integers the field number (a JSON number, int64 too); floats the
 *   number + 0.5; bool `true`; bytes the base64 of the field name;
 * - enums the first value that is not zero (or the zero value when there is none), by name;
 * - repeated: two elements; maps one entry (key `"k"`, `1` or `true`, as JSON keys `"k"`, `"1"`,
 *   `"true"`); optional fields set; a oneof its first member;
 * - messages recursively, down to depth 3 (the top message is depth 1): a message field deeper
 *   than that, or one whose type is already being filled (recursion), is left out (a list or map
 *   of them is empty);
 * - well-known types: Timestamp `"2024-01-02T03:04:05Z"`, Duration `"1.5s"`, Empty `{}`, Struct
 *   `{"k": "v"}`, Value `"v"`, ListValue `["v"]`, FieldMask `"id"`, Any an Empty by `@type`,
 *   wrappers as their scalar.
 *
 * Message keys are the fields' JSON keys (`ResolvedField.jsonKey`).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The field a value is the sample of: its name and number shape strings and numbers. */
export interface SampleContext {
  name: string;
  number: number;
}

/** How deep messages are filled: the top message is depth 1. */
export const SAMPLE_DEPTH = 3;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of a text's UTF-8 bytes (no DOM or Node helper: core runs in both). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] ?? '';
    out += B64[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '=';
  }
  return out;
}

const ABSENT = Symbol('absent');
type Sample = JsonValue | typeof ABSENT;

function scalarSample(scalar: string, ctx: SampleContext): JsonValue {
  switch (scalar) {
    case 'string':
      return `${ctx.name}-sample`;
    case 'bool':
      return true;
    case 'bytes':
      return base64(ctx.name);
    case 'float':
    case 'double':
      return ctx.number + 0.5;
    default:
      return ctx.number;
  }
}

function wellKnownSample(name: string, ctx: SampleContext): JsonValue {
  switch (name) {
    case 'google.protobuf.Timestamp':
      return '2024-01-02T03:04:05Z';
    case 'google.protobuf.Duration':
      return '1.5s';
    case 'google.protobuf.Empty':
      return {};
    case 'google.protobuf.Struct':
      return { k: 'v' };
    case 'google.protobuf.Value':
      return 'v';
    case 'google.protobuf.ListValue':
      return ['v'];
    case 'google.protobuf.FieldMask':
      return 'id';
    case 'google.protobuf.Any':
      return { '@type': 'type.googleapis.com/google.protobuf.Empty' };
    default: {
      // the wrappers: google.protobuf.<Scalar>Value
      return scalarSample(/^google\.protobuf\.(\w+)Value$/.exec(name)?.[1]?.toLowerCase() ?? 'string', ctx);
    }
  }
}

function valueSample(t: ResolvedType, ctx: SampleContext, depth: number, path: ReadonlySet<string>): Sample {
  switch (t.kind) {
    case 'scalar':
      return scalarSample(t.scalar, ctx);
    case 'wellKnown':
      return wellKnownSample(t.name, ctx);
    case 'enum': {
      const v = t.type.values.find((x) => x.number !== 0) ?? t.type.values[0];
      return v?.name ?? 0;
    }
    case 'message':
      if (depth > SAMPLE_DEPTH || path.has(t.type.id)) return ABSENT;
      return messageSample(t.type, depth, path);
  }
}

function messageSample(m: ResolvedMessage, depth: number, path: ReadonlySet<string>): JsonValue {
  const inner = new Set(path).add(m.id);
  const out: { [key: string]: JsonValue } = {};
  const seenOneofs = new Set<string>();
  for (const f of m.fields) {
    if (f.oneof !== undefined) {
      if (seenOneofs.has(f.oneof)) continue;
      seenOneofs.add(f.oneof);
    }
    const v = fieldSample(f, depth + 1, inner);
    if (v !== ABSENT) out[f.jsonKey] = v;
  }
  return out;
}

function fieldSample(f: ResolvedField, depth: number, path: ReadonlySet<string>): Sample {
  const ctx = { name: f.name, number: f.number };
  const one = valueSample(f.type, ctx, depth, path);
  if (f.cardinality === 'repeated') return one === ABSENT ? [] : [one, one];
  if (f.cardinality === 'map') {
    const key = f.mapKey === 'string' ? 'k' : f.mapKey === 'bool' ? 'true' : '1';
    return one === ABSENT ? {} : { [key]: one };
  }
  return one;
}

/**
 * The sample JSON value of a resolved type. `ctx` is the field (or parameter) the value stands
 * for; a top-level value stands for `{name: 'value', number: 1}`. A message deeper than the cap
 * comes back as `{}`.
 */
export function sampleOfType(t: ResolvedType, ctx: SampleContext = { name: 'value', number: 1 }): JsonValue {
  const v = valueSample(t, ctx, 1, new Set());
  return v === ABSENT ? {} : v;
}
