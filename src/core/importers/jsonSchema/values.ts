import { pascalCase } from '../../model/naming';
import type { TypeRef } from '../../model/typeRefs';
import { isObj, type Obj } from '../documents/parse';
import type { SchemaContext, SchemaValue } from './context';
import { enumFrom, isMessageLike, messageFrom, unionFrom } from './objects';

const VALUE: SchemaValue = { type: 'google.protobuf.Value' };

const SCALAR_KEYS = new Set(['type', 'format', 'enum', 'nullable', 'deprecated']);

/** `string` with a format protobuf's JSON mapping reads the same way. */
const STRING_FORMATS: Record<string, TypeRef> = {
  'date-time': 'google.protobuf.Timestamp',
  byte: 'bytes',
  binary: 'bytes',
  int64: 'int64',
  uint64: 'uint64',
  int32: 'int32',
  uint32: 'uint32',
};
const INTEGER_FORMATS: Record<string, TypeRef> = { int32: 'int32', int64: 'int64', uint32: 'uint32', uint64: 'uint64' };
const NUMBER_FORMATS: Record<string, TypeRef> = { float: 'float', double: 'double' };

/** Whether a schema only allows null (`type: 'null'`, `enum: [null]`). */
export function isNullSchema(s: unknown): boolean {
  return isObj(s) && (s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null));
}

/** The schema behind a `$ref` (one level), for looking at its shape. */
export function deref(ctx: SchemaContext, s: unknown): unknown {
  return isObj(s) && typeof s.$ref === 'string' ? ctx.resolve(s.$ref)?.schema : s;
}

/** A `$ref`: a named message or enum (made once per target), or the value of what it points to. */
function fromRef(ctx: SchemaContext, ref: string, segs: readonly string[]): SchemaValue {
  const known = ctx.named.get(ref);
  if (known) return known;
  const target = ctx.resolve(ref);
  if (!target) {
    ctx.warn(segs, `$ref "${ref}" points to nothing; read as any JSON value.`);
    return VALUE;
  }
  const last = target.segs[target.segs.length - 1] ?? 'Type';
  // a whole sibling file (`$ref: money.yaml`) is named after the file
  const name = target.segs.length === 2 && target.segs[0] === 'x-ext' ? fileStem(ctx, target.segs) : last;
  const s = target.schema;
  if (isObj(s) && (isMessageLike(ctx, s) || (Array.isArray(s.enum) && s.enum.some((v) => typeof v === 'string')))) {
    const id = ctx.newId(name);
    ctx.named.set(ref, { type: id });
    if (isMessageLike(ctx, s))
      messageFrom(ctx, s, target.segs, ctx.typeName(name, undefined, target.segs), undefined, id);
    else enumFrom(ctx, s, target.segs, ctx.typeName(name, undefined, target.segs), undefined, id);
    return { type: id };
  }
  ctx.named.set(ref, VALUE); // a cycle of aliases ends in any JSON value
  const v = valueOf(ctx, s, target.segs, pascalCase(name, 'Value'), undefined);
  ctx.named.set(ref, v);
  return v;
}

function fileStem(ctx: SchemaContext, segs: readonly string[]): string {
  const file = ctx.bundled.fileOf(segs);
  return (file.split('/').pop() ?? file).replace(/\.(ya?ml|json)$/i, '');
}

function scalar(ctx: SchemaContext, s: Obj, type: string, segs: readonly string[]): SchemaValue {
  const format = typeof s.format === 'string' ? s.format : undefined;
  const table = type === 'string' ? STRING_FORMATS : type === 'integer' ? INTEGER_FORMATS : NUMBER_FORMATS;
  const byFormat = format !== undefined && Object.hasOwn(table, format) ? table[format] : undefined;
  if (format !== undefined && byFormat === undefined && type !== 'boolean') ctx.drop(`format: ${format}`, segs);
  if (type === 'boolean') return { type: 'bool' };
  if (type === 'string') return { type: byFormat ?? 'string' };
  if (type === 'integer') return { type: byFormat ?? 'int64' };
  return { type: byFormat ?? 'double' };
}

function arrayOf(ctx: SchemaContext, s: Obj, segs: readonly string[], hint: string, parent?: string): SchemaValue {
  if (s.items === undefined || Array.isArray(s.items)) {
    if (s.items !== undefined || s.prefixItems !== undefined) ctx.drop('prefixItems (tuples)', segs);
    return { type: 'google.protobuf.ListValue' };
  }
  const v = valueOf(ctx, s.items, [...segs, 'items'], `${hint}Item`, parent);
  if (v.repeated || v.map) {
    ctx.warn(segs, 'a list of lists or maps is kept as a list of any JSON values (google.protobuf.ListValue).');
    return { type: 'google.protobuf.ListValue' };
  }
  return { type: v.type, repeated: true };
}

function objectOf(ctx: SchemaContext, s: Obj, segs: readonly string[], hint: string, parent?: string): SchemaValue {
  if (isMessageLike(ctx, s)) return { type: messageFrom(ctx, s, segs, ctx.typeName(hint, parent, segs), parent) };
  ctx.dropRest(s, new Set([...SCALAR_KEYS, 'additionalProperties']), segs);
  const extra = s.additionalProperties;
  if (isObj(extra) && Object.keys(extra).length > 0) {
    const v = valueOf(ctx, extra, [...segs, 'additionalProperties'], `${hint}Value`, parent);
    if (!v.repeated && !v.map) return { type: v.type, map: true };
    ctx.warn(segs, 'a map of lists or maps is kept as any JSON object (google.protobuf.Struct).');
  }
  return { type: 'google.protobuf.Struct' };
}

/**
 * What a JSON Schema is as a value. Objects with properties become messages (nested in `parent`
 * when written inline), string enums become enums, lists become repeated values, objects of one
 * value type become maps, and what no protobuf type can hold becomes a well-known JSON type
 * (Value, Struct, ListValue) with a warning. `hint` names a type made for an inline schema.
 */
export function valueOf(
  ctx: SchemaContext,
  schema: unknown,
  segs: readonly string[],
  hint: string,
  parent?: string,
): SchemaValue {
  if (schema === true || (isObj(schema) && Object.keys(schema).length === 0)) return VALUE;
  if (!isObj(schema)) {
    ctx.warn(segs, 'this is not a schema; read as any JSON value.');
    return VALUE;
  }
  if (typeof schema.$ref === 'string') return fromRef(ctx, schema.$ref, segs);
  let nullable = schema.nullable === true;
  let types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type;
  if (Array.isArray(schema.type) && schema.type.includes('null')) nullable = true;
  if (Array.isArray(types)) types = types.length === 1 ? types[0] : types.length === 0 ? 'null' : types;
  const withNull = (v: SchemaValue): SchemaValue => (nullable && !v.nullable ? { ...v, nullable: true } : v);

  for (const kw of ['oneOf', 'anyOf'] as const) {
    const members = schema[kw];
    if (!Array.isArray(members) || schema.properties !== undefined) continue;
    const rest = members.filter((m) => !isNullSchema(deref(ctx, m)));
    if (rest.length < members.length) nullable = true;
    if (rest.length === 1)
      return withNull(valueOf(ctx, rest[0], [...segs, kw, String(members.indexOf(rest[0]))], hint, parent));
    return withNull(unionFrom(ctx, schema, kw, segs, hint, parent));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && schema.properties === undefined)
    return withNull(valueOf(ctx, schema.allOf[0], [...segs, 'allOf', '0'], hint, parent));
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null);
    if (values.length < schema.enum.length) nullable = true;
    if (values.length > 0 && values.every((v) => typeof v === 'string'))
      return withNull({ type: enumFrom(ctx, schema, segs, ctx.typeName(hint, parent, segs), parent) });
    ctx.drop('enum (values other than strings)', segs);
  }
  if (Array.isArray(types)) {
    ctx.warn(segs, `a value of several types (${types.join(', ')}) is kept as any JSON value.`);
    return withNull(VALUE);
  }
  switch (types) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      ctx.dropRest(schema, SCALAR_KEYS, segs);
      return withNull(scalar(ctx, schema, types, segs));
    case 'array':
      ctx.dropRest(schema, new Set([...SCALAR_KEYS, 'items', 'prefixItems']), segs);
      return withNull(arrayOf(ctx, schema, segs, hint, parent));
    case 'null':
      ctx.warn(segs, 'a value that is always null is kept as any JSON value.');
      return VALUE;
    default:
      if (types !== undefined && types !== 'object')
        ctx.warn(segs, `unknown type "${String(types)}"; read as any JSON value.`);
      if (types === 'object' || isMessageLike(ctx, schema) || schema.additionalProperties !== undefined)
        return withNull(objectOf(ctx, schema, segs, hint, parent));
      return withNull(VALUE);
  }
}
