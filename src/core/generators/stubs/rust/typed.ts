import {
  sampleOfType,
  type EndpointContract,
  type JsonValue,
  type PayloadContract,
  type ResolvedDesignType,
  type ResolvedField,
  type ResolvedType,
} from '../../../model/contracts';
import { words } from '../../../model/naming';
import { prostSnake, RUST_WIDTH, rustStr } from './names';

/**
 * The typed side of the Rust stub: the Rust names of the contract's protobuf types (as
 * tonic-prost-build generates them), the serde models of the REST bodies and payloads, and the
 * sample data as consts of src/samples.rs.
 */

/** prost's UpperCamelCase of a type name (heck's). */
export function prostCamel(name: string): string {
  const id = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
  return ['Self', 'Super', 'Crate', 'Extern'].includes(id) ? `${id}_` : id || 'Type';
}

const PROST_WKT: Record<string, string> = {
  'google.protobuf.Empty': '()',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.BytesValue': '::prost::alloc::vec::Vec<u8>',
  'google.protobuf.DoubleValue': 'f64',
  'google.protobuf.FloatValue': 'f32',
  'google.protobuf.Int32Value': 'i32',
  'google.protobuf.Int64Value': 'i64',
  'google.protobuf.StringValue': 'String',
  'google.protobuf.UInt32Value': 'u32',
  'google.protobuf.UInt64Value': 'u64',
};

/** A protobuf type in Rust: the module of its package (empty for prost's own) and its path in it. */
export interface ProstRef {
  module: string;
  name: string;
}

/** The Rust type of a message as tonic-prost-build generates it. */
export function prostType(t: ResolvedType): ProstRef {
  if (t.kind === 'wellKnown')
    return { module: '', name: PROST_WKT[t.name] ?? `prost_types::${t.name.replace(/^google\.protobuf\./, '')}` };
  if (t.kind !== 'message') return { module: '', name: '()' };
  const chain = t.type.names.full.slice(t.type.package.length + 1).split('.');
  const last = chain.pop() ?? 'Type';
  return {
    module: packageModule(t.type.package),
    name: [...chain.map((c) => prostSnake(c)), prostCamel(last)].join('::'),
  };
}

/** The module of a proto package under the crate: `proto::shop::orders::v1`. */
export function packageModule(pkg: string): string {
  return `proto::${pkg
    .split('.')
    .map((p) => prostSnake(p))
    .join('::')}`;
}

/** The package modules one Rust file uses, each imported under a flat alias (`shop_orders_v1`). */
export class Aliases {
  private readonly used = new Map<string, string>();

  module(module: string): string {
    let a = this.used.get(module);
    if (!a) {
      a = module
        .replace(/^proto::/, '')
        .replace(/::/g, '_')
        .replace(/^r#/, '')
        .replace(/_r#/g, '_');
      this.used.set(module, a);
    }
    return a;
  }

  ref(r: ProstRef): string {
    return r.module ? `${this.module(r.module)}::${r.name}` : r.name;
  }

  /** The use lines, sorted as rustfmt sorts them. */
  uses(): string[] {
    return [...this.used].map(([m, a]) => `use crate::${m} as ${a};`).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  }
}

/** The full protobuf name of a message type (`google.protobuf.Empty` for the rest). */
export function protoName(t: ResolvedType): string {
  if (t.kind === 'wellKnown') return t.name;
  if (t.kind === 'message') return t.type.names.full;
  return 'google.protobuf.Empty';
}

/** A raw string literal holding `text`. */
export function rawStr(text: string): string {
  let hashes = '#';
  while (text.includes(`"${hashes}`)) hashes += '#';
  return `r${hashes}"${text}"${hashes}`;
}

/** JSON with sorted keys, compact. */
export function stableJson(v: JsonValue): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(v[k] ?? null)}`)
    .join(',')}}`;
}

/** A const item as rustfmt writes it. */
function constItem(name: string, type: string, value: string): string {
  const lead = `pub const ${name}: ${type} = `;
  if (lead.length + value.length + 1 <= RUST_WIDTH) return `${lead}${value};`;
  if (4 + value.length + 1 <= RUST_WIDTH) return `${lead.trimEnd()}\n    ${value};`;
  return `${lead}${value};`;
}

/** The sample of a payload: the type's, or a list of two. */
export function payloadSample(p: PayloadContract): JsonValue {
  const one = sampleOfType(p.type);
  return p.repeated ? [one, one] : one;
}

/** The sample request of an endpoint: each parameter's sample by its name, the body's as `body`. */
export function requestSample(e: EndpointContract): JsonValue {
  const out: Record<string, JsonValue> = {};
  e.params.forEach((p, i) => {
    const one = sampleOfType(p.type, { name: p.name, number: i + 1 });
    out[p.name] = p.repeated ? [one, one] : one;
  });
  if (e.body) out['body'] = payloadSample(e.body);
  return out;
}

/** The consts of src/samples.rs, named once each. */
export class Samples {
  private readonly items = new Map<string, { kind: 'pb' | 'json'; text: string; message?: string }>();
  private readonly byKey = new Map<string, string>();

  private add(base: string, kind: 'pb' | 'json', text: string, message?: string): string {
    const key = `${kind} ${message ?? ''} ${text}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const root =
      base
        .toUpperCase()
        .replace(/[^A-Z0-9_]/g, '_')
        .replace(/_+/g, '_')
        .replace(/^_|_$/g, '') || 'SAMPLE';
    let name = /^[A-Z]/.test(root) ? root : `S_${root}`;
    for (let i = 2; this.items.has(name); i++) name = `${root}_${i}`;
    this.items.set(name, message === undefined ? { kind, text } : { kind, text, message });
    this.byKey.set(key, name);
    return name;
  }

  /** The sample of a protobuf message type (its proto3 JSON form). */
  pb(t: ResolvedType): string {
    const base = t.kind === 'message' ? t.type.names.snake : protoName(t).replace(/^google\.protobuf\./, '');
    return this.add(base, 'pb', stableJson(sampleOfType(t)), protoName(t));
  }

  json(base: string, v: JsonValue): string {
    return this.add(base, 'json', stableJson(v));
  }

  /** A REST body or answer, named after its type: \`ORDER_JSON\`, \`ORDER_LIST_JSON\`. */
  restPayload(p: PayloadContract): string {
    const t = p.type;
    const base =
      t.kind === 'message' || t.kind === 'enum' ? t.type.names.snake : protoName(t).replace(/^google\.protobuf\./, '');
    return this.json(`${base}${p.repeated ? '_list' : ''}_json`, payloadSample(p));
  }

  restRequest(base: string, e: EndpointContract): string {
    return this.json(`${base}_request`, requestSample(e));
  }

  get size(): number {
    return this.items.size;
  }

  /** src/samples.rs */
  file(): string {
    const parts = [...this.items].map(([name, s]) => {
      if (s.kind === 'json') return constItem(name, '&str', rawStr(s.text));
      const one = `PbSample { message: ${rustStr(s.message ?? '')}, json: ${rawStr(s.text)} }`;
      const lead = `pub const ${name}: PbSample = `;
      if (lead.length + one.length + 1 <= RUST_WIDTH) return `${lead}${one};`;
      if (4 + one.length + 1 <= RUST_WIDTH) return `${lead.trimEnd()}\n    ${one};`;
      return `${lead}PbSample {\n    message: ${rustStr(s.message ?? '')},\n    json: ${rawStr(s.text)},\n};`;
    });
    return `// Code generated by Polyglot Canvas. DO NOT EDIT: regenerate from the design instead.

//! The deterministic sample data of the contract (see the project's service contract): what
//! /ping sends and expects, and what the TODO bodies of src/handlers.rs answer. Protobuf samples
//! are in the proto3 JSON mapping; REST samples are the JSON bodies.

#![allow(dead_code)]

/// A protobuf message's sample: the message's full name and its proto3 JSON form.
pub struct PbSample {
    pub message: &'static str,
    pub json: &'static str,
}
${parts.map((p) => `\n${p}\n`).join('')}`;
  }
}

const RUST_TAKEN = new Set([
  'String',
  'Option',
  'Vec',
  'Box',
  'Result',
  'Message',
  'Received',
  'Problem',
  'BoxError',
  'Value',
  'BTreeMap',
  'Default',
  'Self',
  'Ok',
  'Err',
  'Some',
  'None',
  'Serialize',
  'Deserialize',
]);

/** The name of a design type in src/api.rs. */
export function modelName(t: ResolvedDesignType): string {
  const n = t.names.pascal;
  return RUST_TAKEN.has(n) ? `${n}Type` : n;
}

const SCALAR_RUST: Record<string, string> = {
  string: 'String',
  bytes: 'String',
  bool: 'bool',
  int32: 'i32',
  sint32: 'i32',
  sfixed32: 'i32',
  int64: 'i64',
  sint64: 'i64',
  sfixed64: 'i64',
  uint32: 'u32',
  fixed32: 'u32',
  uint64: 'u64',
  fixed64: 'u64',
  float: 'f32',
  double: 'f64',
};

/** The Rust type of a JSON value of a type, as src/api.rs declares it (models prefixed with `prefix`). */
export function rustJsonType(t: ResolvedType, prefix = ''): string {
  switch (t.kind) {
    case 'scalar':
      return SCALAR_RUST[t.scalar] ?? 'String';
    case 'enum':
    case 'message':
      return `${prefix}${modelName(t.type)}`;
    case 'wellKnown': {
      const w = /^google\.protobuf\.(\w+)Value$/.exec(t.name)?.[1]?.toLowerCase();
      if (w && t.name !== 'google.protobuf.ListValue') return SCALAR_RUST[w === 'uint32' ? 'uint32' : w] ?? 'String';
      if (t.json === 'string') return 'String';
      return 'serde_json::Value';
    }
  }
}

export function payloadType(p: PayloadContract, prefix = ''): string {
  const t = rustJsonType(p.type, prefix);
  return p.repeated ? `Vec<${t}>` : t;
}

const MAP_KEYS: Record<string, string> = {
  string: 'String',
  bool: 'bool',
  int32: 'i32',
  sint32: 'i32',
  sfixed32: 'i32',
  int64: 'i64',
  sint64: 'i64',
  sfixed64: 'i64',
  uint32: 'u32',
  fixed32: 'u32',
  uint64: 'u64',
  fixed64: 'u64',
};

function reaches(from: ResolvedType, target: string, seen = new Set<string>()): boolean {
  if (from.kind !== 'message') return false;
  if (from.type.id === target) return true;
  if (seen.has(from.type.id)) return false;
  seen.add(from.type.id);
  return from.type.fields.some((f) =>
    f.cardinality === 'single' || f.cardinality === 'optional' ? reaches(f.type, target, seen) : false,
  );
}

function fieldDecl(owner: string, f: ResolvedField): string {
  const t = rustJsonType(f.type);
  const attrs: string[] = [];
  if (f.jsonKey !== f.names.snake) attrs.push(`rename = ${rustStr(f.jsonKey)}`);
  let ty: string;
  if (f.cardinality === 'repeated') ty = `Vec<${t}>`;
  else if (f.cardinality === 'map') ty = `BTreeMap<${MAP_KEYS[f.mapKey ?? 'string'] ?? 'String'}, ${t}>`;
  else {
    const boxed = f.type.kind === 'message' && reaches(f.type, owner) ? `Box<${t}>` : t;
    if (f.cardinality === 'optional' || f.oneof !== undefined || f.type.kind === 'message') {
      ty = `Option<${boxed}>`;
      attrs.push('skip_serializing_if = "Option::is_none"');
    } else ty = boxed;
  }
  const attr = attrs.length ? `    #[serde(${attrs.join(', ')})]\n` : '';
  return `${attr}    pub ${f.names.snake}: ${ty},\n`;
}

/** The serde declaration of a design type in src/api.rs. */
export function modelDecl(t: ResolvedDesignType): string {
  const name = modelName(t);
  if (t.kind === 'enum') {
    if (t.values.length === 0) return `/// ${t.names.full}\npub type ${name} = String;`;
    const variants = t.values.map(
      (v, i) => `${i === 0 ? '    #[default]\n' : ''}    #[serde(rename = ${rustStr(v.name)})]\n    ${v.pascal},\n`,
    );
    return `/// ${t.names.full}\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]\npub enum ${name} {\n${variants.join('')}}`;
  }
  const body = t.fields.map((f) => fieldDecl(t.id, f)).join('');
  return `/// ${t.names.full}\n#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]\n#[serde(default)]\npub struct ${name} {${body ? `\n${body}` : ''}}`;
}
