import { nextFieldNumber } from '../model/fieldNumbers';
import { standardPackageProblem, upperSnake } from '../model/naming';
import { typePackage } from '../model/packages';
import { isMapKeyType, type TypeRef } from '../model/typeRefs';
import type { Design, DesignType, EnumType, MapKeyType, MessageField, MessageType } from '../model/types';
import { fail, fieldNameProblem, identProblem, knownRef, pascalNameProblem, withType } from './apiShared';
import { newId, type OpResult } from './ids';
import { listUsages, typeUsages } from './usages';

/**
 * Edits of the design's types: add, rename (references follow: they are ids), delete (refused
 * while the type is used, saying where), and the fields and values inside. Field numbers are
 * never changed: a new field takes the next free number, outside the reserved ranges.
 */

function findType(design: Design, id: string): DesignType | undefined {
  return design.types.find((t) => t.id === id);
}

const nodeOf = (design: Design) => (id: string) => design.nodes.find((n) => n.id === id);

function packageOfNew(design: Design, t: Pick<DesignType, 'package' | 'owner' | 'parent'>): string {
  let root: Pick<DesignType, 'package' | 'owner' | 'parent'> = t;
  for (let i = 0; root.parent !== undefined && i < 100; i++)
    root = findType(design, root.parent) ?? { ...root, parent: undefined };
  return typePackage(design.name, root, nodeOf(design));
}

/** Why a name cannot be given to a type in its package and parent, or null. */
export function typeNameProblem(
  design: Design,
  t: Pick<DesignType, 'package' | 'owner' | 'parent'> & { id?: string },
  name: string,
): string | null {
  const why = pascalNameProblem(name, 'type');
  if (why) return why;
  const pkg = packageOfNew(design, t);
  const clash = design.types.find(
    (o) => o.id !== t.id && o.name === name && o.parent === t.parent && packageOfNew(design, o) === pkg,
  );
  return clash ? `There is already a type named ${name} in ${pkg}.` : null;
}

/** A free type name like `base`, `base2`, … in the package and parent of `t`. */
export function freeTypeName(
  design: Design,
  t: Pick<DesignType, 'package' | 'owner' | 'parent'>,
  base: string,
): string {
  let name = base;
  for (let i = 2; typeNameProblem(design, t, name); i++) name = `${base}${i}`;
  return name;
}

export interface AddTypeArgs {
  kind: 'message' | 'enum';
  name?: string;
  /** The service node it is made for: its package and file. */
  owner?: string;
  package?: string;
  parent?: string;
  id?: string;
  /** A message's first fields; numbered 1, 2, … in order. */
  fields?: Omit<MessageField, 'number'>[];
}

/** Adds a message or an enum (an enum gets its zero value, `<NAME>_UNSPECIFIED`). */
export function addType(design: Design, args: AddTypeArgs): OpResult<{ id: string; type: DesignType }> {
  if (args.owner !== undefined && !design.nodes.some((n) => n.id === args.owner))
    return fail('The node the type is made for no longer exists.');
  if (args.parent !== undefined && findType(design, args.parent)?.kind !== 'message')
    return fail('A type can only be nested in a message.');
  if (args.package !== undefined) {
    const why = standardPackageProblem(args.package);
    if (why) return fail(why);
  }
  const where = {
    ...(args.owner !== undefined && args.parent === undefined ? { owner: args.owner } : {}),
    ...(args.package !== undefined && args.parent === undefined ? { package: args.package } : {}),
    ...(args.parent !== undefined ? { parent: args.parent } : {}),
  };
  const name = args.name ?? freeTypeName(design, where, args.kind === 'message' ? 'NewMessage' : 'NewEnum');
  const why = typeNameProblem(design, where, name);
  if (why) return fail(why);
  const id = args.id ?? newId('t');
  let type: DesignType;
  if (args.kind === 'enum')
    type = { id, kind: 'enum', name, ...where, values: [{ name: `${upperSnake(name)}_UNSPECIFIED`, number: 0 }] };
  else {
    const fields = (args.fields ?? []).map((f, i) => ({ ...f, number: i + 1 }));
    for (const f of fields) {
      const bad = fieldProblem(design, fields, f, f.number);
      if (bad) return fail(bad);
    }
    type = { id, kind: 'message', name, ...where, fields };
  }
  return { ok: true, design: { ...design, types: [...design.types, type] }, id, type };
}

/** Renames a type; every reference follows, as references are ids. */
export function renameType(design: Design, id: string, name: string): OpResult {
  const t = findType(design, id);
  if (!t) return fail('That type no longer exists.');
  if (t.name === name) return { ok: true, design };
  const why = typeNameProblem(design, t, name);
  if (why) return fail(why);
  return { ok: true, design: withType(design, { ...t, name }) };
}

/** Changes a type's description, owner or package (`null` clears one). */
export function updateType(
  design: Design,
  id: string,
  patch: { description?: string; owner?: string | null; package?: string | null },
): OpResult {
  const t = findType(design, id);
  if (!t) return fail('That type no longer exists.');
  const next: DesignType = { ...t };
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.owner !== undefined) {
    if (patch.owner === null) delete next.owner;
    else if (!design.nodes.some((n) => n.id === patch.owner)) return fail('That node no longer exists.');
    else next.owner = patch.owner;
  }
  if (patch.package !== undefined) {
    if (patch.package === null) delete next.package;
    else {
      const why = standardPackageProblem(patch.package);
      if (why) return fail(why);
      next.package = patch.package;
    }
  }
  const clash = typeNameProblem(design, next, next.name);
  if (clash) return fail(clash);
  return { ok: true, design: withType(design, next) };
}

/** Deletes a type that nothing uses; otherwise says where it is used. */
export function deleteType(design: Design, id: string): OpResult {
  const t = findType(design, id);
  if (!t) return fail('That type no longer exists.');
  const uses = typeUsages(design, id);
  if (uses.length > 0) return fail(`${t.name} is still used: by ${listUsages(uses)}. Change those first.`);
  return { ok: true, design: { ...design, types: design.types.filter((x) => x.id !== id) } };
}

// --- fields ----------------------------------------------------------------------------------

export type FieldPatch = {
  name?: string;
  type?: TypeRef;
  /** `null` makes the field plain (singular). */
  label?: 'repeated' | 'optional' | null;
  /** `null` makes the map field a plain one. */
  mapKey?: MapKeyType | null;
  oneof?: string | null;
  jsonName?: string | null;
  description?: string;
  deprecated?: boolean;
};

/** Why a field cannot be as given in this message, or null. */
function fieldProblem(
  design: Design,
  fields: readonly MessageField[],
  f: MessageField,
  number: number,
  t?: MessageType,
): string | null {
  const named = fieldNameProblem(f.name);
  if (named) return named;
  if (fields.some((o) => o.number !== number && o.name === f.name)) return `There is already a field named ${f.name}.`;
  if (t?.reserved?.names.includes(f.name)) return `The name ${f.name} is reserved in ${t.name}.`;
  if (!knownRef(design, f.type)) return 'That type is not in the design.';
  if (f.mapKey !== undefined && !isMapKeyType(f.mapKey)) return 'A map key is an integer, a bool or a string.';
  if (f.mapKey !== undefined && f.label !== undefined) return 'A map cannot also be repeated or optional.';
  if (f.oneof !== undefined) {
    const bad = identProblem(f.oneof, 'oneof');
    if (bad) return bad;
    if (f.mapKey !== undefined || f.label === 'repeated') return 'A oneof member cannot be repeated or a map.';
    if (f.label === 'optional') return 'A oneof member has presence already; it cannot also be optional.';
  }
  return null;
}

function messageOf(design: Design, id: string): MessageType | undefined {
  const t = findType(design, id);
  return t?.kind === 'message' ? t : undefined;
}

/** Adds a field, numbered after the highest number in use and outside the reserved ranges. */
export function addField(design: Design, typeId: string, args: FieldPatch = {}): OpResult<{ number: number }> {
  const t = messageOf(design, typeId);
  if (!t) return fail('That message no longer exists.');
  const number = nextFieldNumber(
    t.fields.map((f) => f.number),
    t.reserved,
  );
  if (t.fields.some((f) => f.number === number)) return fail(`${t.name} has no field number left.`);
  let name = args.name ?? `field_${number}`;
  for (let i = 2; !args.name && t.fields.some((f) => f.name === name); i++) name = `field_${number}_${i}`;
  const field = applyPatch({ number, name, type: 'string' }, { ...args, name });
  const why = fieldProblem(design, t.fields, field, number, t);
  if (why) return fail(why);
  return { ok: true, design: withType(design, { ...t, fields: [...t.fields, field] }), number };
}

function applyPatch(f: MessageField, patch: FieldPatch): MessageField {
  const next: MessageField = { ...f };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.type !== undefined) next.type = patch.type;
  if (patch.label !== undefined) {
    if (patch.label === null) delete next.label;
    else next.label = patch.label;
  }
  if (patch.mapKey !== undefined) {
    if (patch.mapKey === null) delete next.mapKey;
    else next.mapKey = patch.mapKey;
  }
  if (patch.oneof !== undefined) {
    if (patch.oneof === null) delete next.oneof;
    else next.oneof = patch.oneof;
  }
  if (patch.jsonName !== undefined) {
    if (patch.jsonName === null) delete next.jsonName;
    else next.jsonName = patch.jsonName;
  }
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.deprecated !== undefined) next.deprecated = patch.deprecated;
  return next;
}

/** Changes a field, found by its number (which never changes). */
export function updateField(design: Design, typeId: string, number: number, patch: FieldPatch): OpResult {
  const t = messageOf(design, typeId);
  if (!t) return fail('That message no longer exists.');
  const f = t.fields.find((x) => x.number === number);
  if (!f) return fail('That field no longer exists.');
  const next = applyPatch(f, patch);
  const why = fieldProblem(design, t.fields, next, number, t);
  if (why) return fail(why);
  return {
    ok: true,
    design: withType(design, { ...t, fields: t.fields.map((x) => (x.number === number ? next : x)) }),
  };
}

/** Removes a field; the numbers of the others stay as they are. */
export function removeField(design: Design, typeId: string, number: number): OpResult {
  const t = messageOf(design, typeId);
  if (!t) return fail('That message no longer exists.');
  if (!t.fields.some((f) => f.number === number)) return fail('That field no longer exists.');
  return { ok: true, design: withType(design, { ...t, fields: t.fields.filter((f) => f.number !== number) }) };
}

// --- enum values -----------------------------------------------------------------------------

function enumOf(design: Design, id: string): EnumType | undefined {
  const t = findType(design, id);
  return t?.kind === 'enum' ? t : undefined;
}

/** The value name the app writes: UPPER_SNAKE_CASE with the enum's prefix (`ORDER_STATUS_PLACED`). */
export function enumValueName(enumName: string, name: string): string {
  const prefix = `${upperSnake(enumName)}_`;
  const upper = upperSnake(name);
  return upper.startsWith(prefix) ? upper : `${prefix}${upper}`;
}

/** Adds a value, numbered after the highest; its name gets the enum's prefix. */
export function addEnumValue(design: Design, typeId: string, name?: string): OpResult<{ name: string }> {
  const t = enumOf(design, typeId);
  if (!t) return fail('That enum no longer exists.');
  const numbers = t.values.map((v) => v.number);
  let number = Math.max(0, ...numbers) + 1;
  while (t.reserved?.ranges.some(([a, b]) => number >= a && number <= b)) number++;
  let full = enumValueName(t.name, name ?? `VALUE_${number}`);
  if (name !== undefined && t.values.some((v) => v.name === full)) return fail(`There is already a value ${full}.`);
  for (let i = 2; t.values.some((v) => v.name === full); i++) full = enumValueName(t.name, `VALUE_${number}_${i}`);
  return { ok: true, design: withType(design, { ...t, values: [...t.values, { name: full, number }] }), name: full };
}

/** Renames a value (its number stays); the name gets the enum's prefix. */
export function renameEnumValue(
  design: Design,
  typeId: string,
  index: number,
  name: string,
): OpResult<{ name: string }> {
  const t = enumOf(design, typeId);
  const v = t?.values[index];
  if (!t || !v) return fail('That value no longer exists.');
  if (name.trim() === '') return fail('A value needs a name.');
  const full = enumValueName(t.name, name);
  if (t.values.some((o, i) => i !== index && o.name === full)) return fail(`There is already a value ${full}.`);
  const values = t.values.map((o, i) => (i === index ? { ...o, name: full } : o));
  return { ok: true, design: withType(design, { ...t, values }), name: full };
}

/** Removes a value; the zero value, which proto3 needs first, stays. */
export function removeEnumValue(design: Design, typeId: string, index: number): OpResult {
  const t = enumOf(design, typeId);
  const v = t?.values[index];
  if (!t || !v) return fail('That value no longer exists.');
  if (index === 0) return fail('The first value (number 0) is the default every proto3 enum needs; it stays.');
  return { ok: true, design: withType(design, { ...t, values: t.values.filter((_, i) => i !== index) }) };
}
