import { Enum, Field, MapField, Type, type ReflectionObject } from 'protobufjs';
import type { EnumType, MapKeyType, MessageField, MessageType, Reserved } from '../../model/types';
import { isMapKeyType, isScalar, isWellKnown, type TypeRef } from '../../model/typeRefs';
import type { ProtoFile } from './parse';
import { fullName, type Places } from './places';

/** What mapping the types of a parse needs: ids by full name, places, and where to report. */
export interface TypeContext {
  places: Places;
  /** Design type ids by full proto name (`shop.v1.Money`). */
  ids: ReadonlyMap<string, string>;
  warn(w: string): void;
  /** Problems that fail the import (an unknown or unsupported type), each with its place. */
  errors: string[];
}

/** The package of a type: the full name of the namespace around it, '' when the file has none. */
export function packageOf(o: ReflectionObject): string {
  let p = o.parent;
  while (p && (p instanceof Type || p instanceof Enum)) p = p.parent;
  return p ? fullName(p) : '';
}

const text = (c: string | null | undefined) => (c && c.trim() ? c.trim() : undefined);

/** The reserved numbers and names of a message or enum, as protobufjs read them. */
function reservedOf(list: (number[] | string)[] | undefined): Reserved | undefined {
  if (!list || list.length === 0) return undefined;
  const ranges: [number, number][] = [];
  const names: string[] = [];
  for (const r of list) {
    if (typeof r === 'string') names.push(r);
    else if (r.length === 2) ranges.push([r[0] ?? 0, r[1] ?? 0]);
  }
  return { ranges, names };
}

/** The design's reference for a field's or method's type, or an error naming it and its place. */
export function typeRefOf(
  resolved: ReflectionObject | null,
  written: string,
  where: string,
  what: string,
  ctx: TypeContext,
): TypeRef | undefined {
  if (!resolved) {
    if (isScalar(written)) return written;
    ctx.errors.push(`${where}: unknown type "${written}" of ${what}.`);
    return undefined;
  }
  const name = fullName(resolved);
  if (name.startsWith('google.protobuf.')) {
    if (isWellKnown(name)) return name;
    ctx.errors.push(`${where}: ${name} (the type of ${what}) is not one of the well-known types the design supports.`);
    return undefined;
  }
  const id = ctx.ids.get(name);
  if (id === undefined) ctx.errors.push(`${where}: the type ${name} of ${what} was not imported.`);
  return id;
}

function fieldOf(f: Field, msg: Type, file: ProtoFile | undefined, ctx: TypeContext): MessageField | undefined {
  const where = ctx.places.where(f);
  const what = `field ${fullName(msg)}.${f.name}`;
  const type = typeRefOf(f.resolvedType, f.type, where, what, ctx);
  if (type === undefined) return undefined;
  const out: MessageField = { number: f.id, name: f.name, type };
  const opts = (f.options ?? {}) as Record<string, unknown>;
  if (f instanceof MapField) {
    if (!isMapKeyType(f.keyType)) {
      ctx.errors.push(`${where}: map key type ${f.keyType} of ${what} is not allowed.`);
      return undefined;
    }
    out.mapKey = f.keyType as MapKeyType;
  } else if (f.repeated) out.label = 'repeated';
  else if (opts.proto3_optional === true) out.label = 'optional';
  else if (!f.partOf && file && file.syntax !== 'proto3' && f.hasPresence) out.label = 'optional';
  if (f.partOf && opts.proto3_optional !== true) out.oneof = f.partOf.name;
  if (typeof opts.json_name === 'string') out.jsonName = opts.json_name;
  if (opts.deprecated === true) out.deprecated = true;
  const d = text(f.comment);
  if (d) out.description = d;
  return out;
}

/** A protobufjs message as a design message type (nested types are mapped on their own). */
export function messageOf(t: Type, id: string, ctx: TypeContext): MessageType {
  const file = ctx.places.fileOf(t);
  const fields = t.fieldsArray
    .filter((f) => f.extend === undefined && !f.declaringField)
    .map((f) => fieldOf(f, t, file, ctx))
    .filter((f): f is MessageField => f !== undefined);
  const out: MessageType = { id, kind: 'message', name: t.name, package: packageOf(t), fields };
  decorate(out, t, ctx);
  const reserved = reservedOf(t.reserved);
  if (reserved) out.reserved = reserved;
  return out;
}

/** A protobufjs enum as a design enum type. */
export function enumOf(e: Enum, id: string, ctx: TypeContext): EnumType {
  const values = Object.entries(e.values).map(([name, number]) => {
    const v: EnumType['values'][number] = { name, number };
    const d = text(e.comments[name]);
    if (d) v.description = d;
    return v;
  });
  const out: EnumType = { id, kind: 'enum', name: e.name, package: packageOf(e), values };
  decorate(out, e, ctx);
  const reserved = reservedOf(e.reserved);
  if (reserved) out.reserved = reserved;
  if ((e.options as Record<string, unknown> | undefined)?.allow_alias === true) out.allowAlias = true;
  return out;
}

function decorate(out: MessageType | EnumType, o: Type | Enum, ctx: TypeContext): void {
  if (o.parent instanceof Type) {
    const parent = ctx.ids.get(fullName(o.parent));
    if (parent !== undefined) out.parent = parent;
  }
  const d = text(o.comment);
  if (d) out.description = d;
  const file = ctx.places.fileOf(o);
  if (file) out.file = file.path;
}
