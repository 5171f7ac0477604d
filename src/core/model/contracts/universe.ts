import { legacyFieldNames } from '../legacyNames';
import { runSteps, type Steps } from '../../steps';
import { PROTO_IDENT, isReservedWord, pascalCase, snakeCase } from '../naming';
import { nodePackage, nodeProtoFile, packageFile, typePackage } from '../packages';
import {
  WELL_KNOWN_TYPES,
  isScalar,
  isWellKnown,
  type ScalarType,
  type TypeRef,
  type WellKnownType,
} from '../typeRefs';
import type { Design, DesignNode, EnumType, MapKeyType, MessageField, MessageType, Reserved } from '../types';

/**
 * The type universe of a design: every message and enum with its full protobuf name, its file,
 * identifiers that are safe in every stub language, and its fields with their types resolved.
 * Built once per design by `designContracts(design).universe`.
 */

/** The names of a type in each world. */
export interface TypeNames {
  /** The simple protobuf name, as declared (`Money`, `Item`). */
  proto: string;
  /** The full protobuf name: `shop.v1.Money`, `shop.v1.Order.Item`. */
  full: string;
  /**
   * PascalCase, unique among all the types of the design: a class, struct, record, interface or
   * schema name where every type shares one namespace (`Money`, `OrderItem`, `Money2`). Never a
   * reserved word of a stub language.
   */
  pascal: string;
  /** snake_case of `pascal`, equally unique: a module or file name. */
  snake: string;
}

/** A field's identifiers, unique in its message and never a reserved word of a stub language. */
export interface MemberNames {
  /** lower_snake_case: Python attributes, Rust fields. */
  snake: string;
  /** camelCase: Java record components, TypeScript properties. */
  camel: string;
  /** PascalCase: Go struct fields. */
  pascal: string;
}

/** A reference resolved to what it names. */
export type ResolvedType =
  | { kind: 'scalar'; ref: TypeRef; scalar: ScalarType }
  | { kind: 'wellKnown'; ref: TypeRef; name: WellKnownType; json: (typeof WELL_KNOWN_TYPES)[WellKnownType]['json'] }
  | { kind: 'enum'; ref: TypeRef; type: ResolvedEnum }
  | { kind: 'message'; ref: TypeRef; type: ResolvedMessage };

/** How many values a field holds. */
export type Cardinality = 'single' | 'optional' | 'repeated' | 'map';

export interface ResolvedField {
  number: number;
  /** The protobuf field name, as declared. */
  name: string;
  /** The key of the field in JSON (REST bodies, queue payloads, samples): `jsonName`, else `name`. */
  jsonKey: string;
  names: MemberNames;
  /** The value type (for a map: the value's type). */
  type: ResolvedType;
  cardinality: Cardinality;
  /** For a map: the key's scalar type. */
  mapKey?: MapKeyType;
  /** The oneof group it belongs to. */
  oneof?: string;
  deprecated: boolean;
  description?: string;
  source: MessageField;
}

export interface ResolvedOneof {
  name: string;
  names: MemberNames;
  /** Its members, in declaration order; the first is the one samples set. */
  fields: ResolvedField[];
}

interface ResolvedBase {
  id: string;
  names: TypeNames;
  package: string;
  /** The `.proto` file it is written to, relative to the proto root. */
  file: string;
  /** The message it is nested in. */
  parent?: ResolvedMessage;
  description?: string;
  reserved?: Reserved;
}

export interface ResolvedMessage extends ResolvedBase {
  kind: 'message';
  source: MessageType;
  /** In declaration order. */
  fields: ResolvedField[];
  oneofs: ResolvedOneof[];
}

export interface ResolvedEnumValue {
  name: string;
  number: number;
  /** PascalCase, unique in its enum: a constant or variant name. */
  pascal: string;
  description?: string;
}

export interface ResolvedEnum extends ResolvedBase {
  kind: 'enum';
  source: EnumType;
  values: ResolvedEnumValue[];
}

export type ResolvedDesignType = ResolvedMessage | ResolvedEnum;

export interface TypeUniverse {
  /** Every type, in design order. */
  readonly types: readonly ResolvedDesignType[];
  /** A type of the design by id. */
  type(id: string): ResolvedDesignType | undefined;
  /** What a reference names; undefined for a dangling one (restore never leaves one). */
  resolve(ref: TypeRef): ResolvedType | undefined;
  /** The messages and enums nested directly in a message, in design order. */
  nested(id: string): readonly ResolvedDesignType[];
}

/** A class-like name that reads as declared when it can (`HTTPRequest` stays): parts joined, never a reserved word. */
function classLike(chain: readonly string[]): string {
  const joined = chain
    .map((part) =>
      PROTO_IDENT.test(part) && /^[A-Z]/.test(part) && part.length <= 60 ? part : pascalCase(part, 'Type'),
    )
    .join('');
  return isReservedWord(joined) ? `${joined}Type` : joined;
}

function unique(base: string, taken: Set<string>, sep = '', next?: Map<string, number>): string {
  // `next` remembers where the last search for the same base stopped: every name before it is
  // taken (the set only grows), so the search starts there and gives the same name, without
  // going over base2, base3 … again for each of many types of the same name
  const hint = next?.get(base) ?? 2;
  let n = hint === 2 ? base : `${base}${sep}${hint - 1}`;
  let i = hint;
  for (; taken.has(n.toLowerCase()); i++) n = `${base}${sep}${i}`;
  next?.set(base, i);
  taken.add(n.toLowerCase());
  return n;
}

const WELL_KNOWN: Record<string, ResolvedType> = Object.fromEntries(
  Object.entries(WELL_KNOWN_TYPES).map(([name, wk]) => [
    name,
    { kind: 'wellKnown', ref: name, name: name as WellKnownType, json: wk.json },
  ]),
);
const SCALARS = new Map<string, ResolvedType>();

/** Builds the universe of a design. */
export function buildUniverse(design: Design): TypeUniverse {
  return runSteps(universeSteps(design));
}

/** Types worked out at a time in one step of `universeSteps`. */
const TYPES_A_STEP = 256;

/** `buildUniverse` in steps: a step per few hundred types in each of its two passes. */
export function* universeSteps(design: Design): Steps<TypeUniverse> {
  const nodes = new Map<string, DesignNode>(design.nodes.map((n) => [n.id, n]));
  const sources = new Map(design.types.map((t) => [t.id, t]));
  const resolved = new Map<string, ResolvedDesignType>();
  const children = new Map<string, ResolvedDesignType[]>();
  const pascals = new Set<string>();
  const snakes = new Set<string>();
  const pascalNext = new Map<string, number>();
  const snakeNext = new Map<string, number>();
  const top = (id: string) => {
    let t = sources.get(id);
    for (let i = 0; t?.parent !== undefined && i < 100; i++) t = sources.get(t.parent) ?? t;
    return t;
  };
  const path = (id: string): string[] => {
    const out: string[] = [];
    let t = sources.get(id);
    for (let i = 0; t && i < 100; i++) {
      out.unshift(t.name);
      t = t.parent === undefined ? undefined : sources.get(t.parent);
    }
    return out;
  };
  let done = 0;
  // first pass: names, packages and files
  for (const t of design.types) {
    if (++done % TYPES_A_STEP === 0) yield;
    const root = top(t.id) ?? t;
    const pkg = typePackage(design.name, root, (id) => nodes.get(id));
    const owner = root.owner === undefined ? undefined : nodes.get(root.owner);
    const file =
      root.file ??
      (owner && root.package === undefined && pkg === nodePackage(design.name, owner)
        ? nodeProtoFile(design.name, owner.name)
        : packageFile(pkg, design.name));
    const chain = path(t.id);
    const pascal = unique(classLike(chain), pascals, '', pascalNext);
    const names: TypeNames = {
      proto: t.name,
      full: `${pkg}.${chain.join('.')}`,
      pascal,
      snake: unique(snakeCase(pascal, 'type'), snakes, '_', snakeNext),
    };
    const base = { id: t.id, names, package: pkg, file, description: t.description, reserved: t.reserved };
    const r: ResolvedDesignType =
      t.kind === 'message'
        ? { ...base, kind: 'message', source: t, fields: [], oneofs: [] }
        : { ...base, kind: 'enum', source: t, values: enumValues(t) };
    resolved.set(t.id, r);
  }
  const resolve = (ref: TypeRef): ResolvedType | undefined => {
    if (isScalar(ref)) {
      let s = SCALARS.get(ref);
      if (!s) SCALARS.set(ref, (s = { kind: 'scalar', ref, scalar: ref }));
      return s;
    }
    if (isWellKnown(ref)) return WELL_KNOWN[ref];
    const t = resolved.get(ref);
    if (!t) return undefined;
    return t.kind === 'message' ? { kind: 'message', ref, type: t } : { kind: 'enum', ref, type: t };
  };
  // second pass: parents, nesting and fields (which may refer to any type, in any order)
  for (const r of resolved.values()) {
    if (++done % TYPES_A_STEP === 0) yield;
    const parentId = r.source.parent;
    const parent = parentId === undefined ? undefined : resolved.get(parentId);
    if (parent?.kind === 'message') {
      r.parent = parent;
      const list = children.get(parent.id) ?? [];
      list.push(r);
      children.set(parent.id, list);
    }
    if (r.kind === 'message') resolveFields(r, resolve);
  }
  const types = [...resolved.values()];
  return {
    types,
    type: (id) => resolved.get(id),
    resolve,
    nested: (id) => children.get(id) ?? [],
  };
}

function enumValues(t: EnumType): ResolvedEnumValue[] {
  const taken = new Set<string>();
  return t.values.map((v) => {
    const value: ResolvedEnumValue = {
      name: v.name,
      number: v.number,
      pascal: unique(pascalCase(v.name, 'Value'), taken),
    };
    if (v.description) value.description = v.description;
    return value;
  });
}

function resolveFields(m: ResolvedMessage, resolve: (ref: TypeRef) => ResolvedType | undefined): void {
  const names = legacyFieldNames(m.source.fields.map((f) => f.name));
  const groups = new Map<string, ResolvedOneof>();
  const groupNames = new Set<string>();
  m.fields = m.source.fields.map((f, i) => {
    const n = names[i] ?? { name: `field_${i + 1}`, camel: `field${i + 1}`, pascal: `Field${i + 1}` };
    const field: ResolvedField = {
      number: f.number,
      name: f.name,
      jsonKey: f.jsonName ?? f.name,
      names: { snake: n.name, camel: n.camel, pascal: n.pascal },
      type: resolve(f.type) ?? { kind: 'scalar', ref: 'string', scalar: 'string' },
      cardinality: f.mapKey ? 'map' : (f.label ?? 'single'),
      deprecated: f.deprecated === true,
      source: f,
    };
    if (f.mapKey) field.mapKey = f.mapKey;
    if (f.oneof) {
      field.oneof = f.oneof;
      let g = groups.get(f.oneof);
      if (!g) {
        const [gn] = legacyFieldNames([f.oneof]);
        const snake = unique(gn?.name ?? 'choice', groupNames, '_');
        g = {
          name: f.oneof,
          names: { snake, camel: gn?.camel ?? 'choice', pascal: gn?.pascal ?? 'Choice' },
          fields: [],
        };
        groups.set(f.oneof, g);
      }
      g.fields.push(field);
    }
    if (f.description) field.description = f.description;
    return field;
  });
  m.oneofs = [...groups.values()];
}
