import { pascalCase, snakeCase } from '../../model/naming';
import type { EnumType, MessageField, MessageType } from '../../model/types';
import { isObj, type Obj } from '../documents/parse';
import { IDENT, type SchemaContext, type SchemaValue } from './context';
import { deref, isNullSchema, valueOf } from './values';

const MESSAGE_KEYS = new Set(['type', 'properties', 'required', 'allOf', 'oneOf', 'anyOf', 'nullable', 'deprecated']);
const ENUM_KEYS = new Set(['type', 'enum', 'nullable', 'deprecated']);

interface Prop {
  name: string;
  schema: unknown;
  segs: string[];
  required: boolean;
  oneof?: string;
}

const text = (s: Obj) =>
  typeof s.description === 'string' && s.description.trim()
    ? s.description.trim()
    : typeof s.title === 'string' && s.title.trim()
      ? s.title.trim()
      : undefined;

/** protobuf's default JSON name of a field (`user_id` → `userId`). */
export function protoJsonName(name: string): string {
  return name.replace(/_+([^_])?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
}

/** Whether a schema makes a message: properties, an allOf of objects, or a union of objects. */
export function isMessageLike(ctx: SchemaContext, s: Obj, depth = 0): boolean {
  if (depth > 20) return false;
  if (isObj(s.properties)) return true;
  const objectish = (m: unknown) => {
    const d = deref(ctx, m);
    return isObj(d) && isMessageLike(ctx, d, depth + 1);
  };
  if (Array.isArray(s.allOf) && s.allOf.length > 1 && s.allOf.some(objectish)) return true;
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const members = s[kw];
    if (!Array.isArray(members)) continue;
    const rest = members.filter((m) => !isNullSchema(deref(ctx, m)));
    if (rest.length > 1 && rest.every(objectish)) return true;
  }
  return false;
}

/** The properties of an object schema and of the parts it is made of (allOf), first one wins. */
function gather(ctx: SchemaContext, s: Obj, segs: string[], props: Prop[], required: Set<string>, depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(s.allOf))
    s.allOf.forEach((part, i) => {
      if (isObj(part) && typeof part.$ref === 'string') {
        const r = ctx.resolve(part.$ref);
        if (r && isObj(r.schema)) gather(ctx, r.schema, r.segs, props, required, depth + 1);
      } else if (isObj(part)) gather(ctx, part, [...segs, 'allOf', String(i)], props, required, depth + 1);
    });
  if (isObj(s.properties))
    for (const [name, schema] of Object.entries(s.properties))
      if (!props.some((p) => p.name === name))
        props.push({ name, schema, segs: [...segs, 'properties', name], required: false });
  if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') required.add(r);
}

/**
 * The fields of a union (oneOf/anyOf) of objects. A union whose members each have one required
 * property of its own is a protobuf oneof, the same JSON on the wire; any other union becomes one
 * message with every member's fields, all optional, and a warning.
 */
function unionProps(ctx: SchemaContext, s: Obj, segs: string[], group: string): Prop[] {
  const kw = Array.isArray(s.oneOf) ? 'oneOf' : 'anyOf';
  const members = (s[kw] as unknown[])
    .map((m, i) => {
      const ref = isObj(m) && typeof m.$ref === 'string' ? ctx.resolve(m.$ref) : undefined;
      return ref ? { schema: ref.schema, segs: ref.segs } : { schema: m, segs: [...segs, kw, String(i)] };
    })
    .filter((m) => isObj(m.schema) && !isNullSchema(m.schema));
  const each = members.map((m) => {
    const props: Prop[] = [];
    const required = new Set<string>();
    gather(ctx, m.schema as Obj, m.segs, props, required);
    return props.map((p) => ({ ...p, required: required.has(p.name) }));
  });
  const names = each.map((p) => p[0]?.name);
  if (each.every((p) => p.length === 1 && p[0]?.required) && new Set(names).size === names.length)
    return each.map((p) => ({ ...(p[0] as Prop), required: true, oneof: group }));
  ctx.warn(
    segs,
    `${kw} of ${members.length} objects is kept as one message with the fields of all of them, each optional.`,
  );
  const out: Prop[] = [];
  for (const p of each.flat()) if (!out.some((o) => o.name === p.name)) out.push({ ...p, required: false });
  return out;
}

/** A message type for an object schema (properties, allOf, a union of objects); returns its id. */
export function messageFrom(
  ctx: SchemaContext,
  s: Obj,
  segs: readonly string[],
  name: string,
  parent: string | undefined,
  id?: string,
): string {
  // a schema that contains itself through an inline allOf (`a: {allOf: [.., $ref: B]}` inside B)
  // is the message being made: the field refers to it, as a recursive message does
  const making = MAKING.get(ctx) ?? new Map<Obj, string>();
  MAKING.set(ctx, making);
  const inProgress = making.get(s);
  if (inProgress !== undefined) return inProgress;
  const own = id ?? ctx.newId(name);
  making.set(s, own);
  try {
    return makeMessage(ctx, s, segs, name, parent, own);
  } finally {
    making.delete(s);
  }
}

/** The schemas whose messages are being made, per import. */
const MAKING = new WeakMap<SchemaContext, Map<Obj, string>>();

function makeMessage(
  ctx: SchemaContext,
  s: Obj,
  segs: readonly string[],
  name: string,
  parent: string | undefined,
  id: string,
): string {
  const slot = ctx.reserve();
  let props: Prop[] = [];
  const required = new Set<string>();
  gather(ctx, s, [...segs], props, required);
  props = props.map((p) => ({ ...p, required: required.has(p.name) }));
  if (props.length === 0 && (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)))
    props = unionProps(ctx, s, [...segs], snakeCase(name, 'value'));
  const used = new Set<string>();
  const fields = props.map((p, i) => fieldFrom(ctx, p, i + 1, id, used));
  const t: MessageType = { id, kind: 'message', name, fields };
  if (parent !== undefined) t.parent = parent;
  const d = text(s);
  if (d) t.description = d;
  ctx.fill(slot, t, segs);
  ctx.dropRest(s, MESSAGE_KEYS, segs);
  return id;
}

function fieldFrom(ctx: SchemaContext, p: Prop, number: number, owner: string, used: Set<string>): MessageField {
  const v: SchemaValue = valueOf(ctx, p.schema, p.segs, pascalCase(p.name, 'Field'), owner);
  let name = IDENT.test(p.name) ? p.name : snakeCase(p.name, 'field');
  const base = name;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  const f: MessageField = { number, name, type: v.type };
  if ((v.repeated || v.map) && v.nullable) ctx.drop('null (a list or a map is never null in the design)', p.segs);
  if (v.repeated) f.label = 'repeated';
  else if (v.map) f.mapKey = 'string';
  else if (p.oneof !== undefined) f.oneof = p.oneof;
  else if (!p.required || v.nullable) f.label = 'optional';
  if (protoJsonName(name) !== p.name) f.jsonName = p.name;
  const own = isObj(p.schema) ? p.schema : {};
  const d = text(own);
  if (d) f.description = d;
  if (own.deprecated === true) f.deprecated = true;
  return f;
}

/** An enum type for a schema of string values: each value is a name, numbered in order from 0. */
export function enumFrom(
  ctx: SchemaContext,
  s: Obj,
  segs: readonly string[],
  name: string,
  parent: string | undefined,
  id = ctx.newId(name),
): string {
  const names = (s.enum as unknown[]).filter((v): v is string => typeof v === 'string');
  const odd = names.filter((n) => !IDENT.test(n));
  if (odd.length > 0)
    ctx.warn(
      segs,
      `enum values ${odd.map((n) => JSON.stringify(n)).join(', ')} are kept as written; they are not protobuf identifiers.`,
    );
  const t: EnumType = { id, kind: 'enum', name, values: names.map((n, number) => ({ name: n, number })) };
  if (parent !== undefined) t.parent = parent;
  const d = text(s);
  if (d) t.description = d;
  ctx.add(t, segs);
  ctx.dropRest(s, ENUM_KEYS, segs);
  return id;
}

/** A union (oneOf/anyOf) of two or more schemas, as a value. */
export function unionFrom(
  ctx: SchemaContext,
  s: Obj,
  kw: 'oneOf' | 'anyOf',
  segs: readonly string[],
  hint: string,
  parent?: string,
): SchemaValue {
  if (isMessageLike(ctx, s)) return { type: messageFrom(ctx, s, segs, ctx.typeName(hint, parent, segs), parent) };
  const members = (s[kw] as unknown[]).map((m) => deref(ctx, m)).filter((m) => !isNullSchema(m));
  const kinds = new Set(members.map((m) => (isObj(m) ? JSON.stringify([m.type, m.format]) : '?')));
  const first = members[0];
  if (
    kinds.size === 1 &&
    isObj(first) &&
    typeof first.type === 'string' &&
    first.type !== 'object' &&
    first.enum === undefined
  )
    return valueOf(ctx, { type: first.type, format: first.format }, segs, hint, parent);
  ctx.warn(segs, `${kw} of values of different kinds is kept as any JSON value.`);
  return { type: 'google.protobuf.Value' };
}
