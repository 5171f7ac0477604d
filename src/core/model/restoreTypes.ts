import { PROTO_IDENT, fieldName, pascalCase, protoPackageProblem, upperSnake } from './naming';
import { typePackage, validProtoFile } from './packages';
import { LIMITS, isObj, list, num, q, str, type Obj } from './restoreUtil';
import { isMapKeyType, isScalar, isWellKnown, validTypeId, type TypeRef } from './typeRefs';
import type { DesignNode, DesignType, EnumValue, MapKeyType, MessageField, Reserved } from './types';
import { nextFieldNumber, validFieldNumber, ENUM_MIN, ENUM_MAX, inReserved } from './fieldNumbers';

/**
 * Restores `Design.types` from untrusted input: ids, names and numbers valid and unique, every
 * reference resolving, protobuf's rules on maps, oneofs and enums kept. Every repair is a warning
 * that names the type, the field and the old and new value.
 */

interface Ctx {
  project: string;
  nodes: ReadonlyMap<string, DesignNode>;
  warnings: string[];
}

const ident = (v: unknown) => {
  const s = str(v, 100);
  return s !== undefined && PROTO_IDENT.test(s) ? s : undefined;
};

function reserved(v: unknown, max: number, min: number): Reserved | undefined {
  if (!isObj(v)) return undefined;
  const ranges = list(
    v.ranges,
    (r): [number, number] | null => {
      if (!Array.isArray(r)) return null;
      const [a, b] = [num(r[0]), num(r[1])];
      if (a === undefined || b === undefined || !Number.isInteger(a) || !Number.isInteger(b)) return null;
      return a <= b && a >= min && b <= max ? [a, b] : null;
    },
    1000,
  );
  const names = list(v.names, (n) => ident(n) ?? null, 1000);
  return ranges.length > 0 || names.length > 0 ? { ranges, names } : undefined;
}

function base(raw: Obj, id: string, ctx: Ctx) {
  const t: Omit<DesignType, 'kind' | 'fields' | 'values'> & { name: string } = { id, name: '' };
  const declared = str(raw.name, 200) ?? '';
  t.name = ident(declared) ?? pascalCase(declared, 'Type');
  if (t.name !== declared)
    ctx.warnings.push(`The type ${q(declared)} was renamed to ${q(t.name)}: a type name is a protobuf identifier.`);
  if (raw.package !== undefined) {
    const pkg = str(raw.package, 300);
    const why = pkg === undefined ? 'A package is a text.' : protoPackageProblem(pkg);
    if (why || pkg === undefined) ctx.warnings.push(`The package of the type ${q(t.name)} was removed: ${why}`);
    else t.package = pkg;
  }
  if (raw.owner !== undefined) {
    const owner = str(raw.owner, 100);
    if (owner !== undefined && ctx.nodes.has(owner)) t.owner = owner;
    else ctx.warnings.push(`The type ${q(t.name)} belonged to a node that is not in the design; it is now shared.`);
  }
  if (typeof raw.parent === 'string') t.parent = raw.parent;
  const description = str(raw.description, 2000);
  if (description) t.description = description;
  if (raw.file !== undefined) {
    const file = str(raw.file, 300);
    if (file !== undefined && validProtoFile(file)) t.file = file;
    else
      ctx.warnings.push(`The file of the type ${q(t.name)} was removed: ${q(raw.file)} is not a relative .proto path.`);
  }
  return t;
}

function fields(raw: Obj, typeName: string, res: Reserved | undefined, known: (ref: string) => boolean, ctx: Ctx) {
  const where = (f: string) => `The field ${q(f)} of ${q(typeName)}`;
  const out: MessageField[] = [];
  const names = new Set(res?.names ?? []);
  const numbers = new Set<number>();
  const renumber: { field: MessageField; old: unknown }[] = [];
  for (const [i, x] of (Array.isArray(raw.fields) ? raw.fields.slice(0, LIMITS.fieldsPerMessage) : []).entries()) {
    if (!isObj(x)) {
      ctx.warnings.push(`Field ${i + 1} of ${q(typeName)} was not an object and was dropped.`);
      continue;
    }
    const declared = str(x.name, 200) ?? '';
    let name = ident(declared) ?? fieldName(declared).replace(/_$/, '_value');
    for (let n = 2; names.has(name); n++) name = `${ident(declared) ?? fieldName(declared)}_${n}`;
    if (name !== declared)
      ctx.warnings.push(`${where(declared)} was renamed to ${q(name)}: names are unique identifiers.`);
    names.add(name);
    let type: TypeRef = str(x.type, 100) ?? '';
    if (!known(type)) {
      ctx.warnings.push(
        `${where(name)} referred to ${q(type)}, which is not a type of the design; it is now a string.`,
      );
      type = 'string';
    }
    const field: MessageField = { number: 0, name, type };
    const n = num(x.number);
    if (n !== undefined && validFieldNumber(n) && !numbers.has(n) && !inReserved(n, res)) {
      field.number = n;
      numbers.add(n);
    } else renumber.push({ field, old: x.number });
    if (x.mapKey !== undefined) {
      if (typeof x.mapKey === 'string' && isMapKeyType(x.mapKey)) field.mapKey = x.mapKey as MapKeyType;
      else {
        field.mapKey = 'string';
        ctx.warnings.push(
          `${where(name)} had the map key type ${q(x.mapKey)}; map keys are integers, bools or strings, so it is now string.`,
        );
      }
    }
    if (x.label === 'repeated' || x.label === 'optional') {
      if (field.mapKey)
        ctx.warnings.push(`${where(name)} is a map, which cannot also be ${x.label}; the label was removed.`);
      else field.label = x.label;
    }
    if (x.oneof !== undefined) {
      const oneof = ident(x.oneof);
      if (!oneof) ctx.warnings.push(`${where(name)} left the oneof ${q(x.oneof)}: its name is not an identifier.`);
      else if (field.mapKey || field.label === 'repeated')
        ctx.warnings.push(`${where(name)} left the oneof ${q(oneof)}: a oneof member cannot be repeated or a map.`);
      else {
        if (field.label === 'optional') {
          delete field.label;
          ctx.warnings.push(
            `${where(name)} is in the oneof ${q(oneof)}, which gives it presence already; "optional" was removed.`,
          );
        }
        field.oneof = oneof;
      }
    }
    const json = str(x.jsonName, 100);
    if (json && !/[\u0000-\u001f\u007f]/.test(json)) field.jsonName = json;
    const description = str(x.description, 2000);
    if (description) field.description = description;
    if (x.deprecated === true) field.deprecated = true;
    out.push(field);
  }
  for (const { field, old } of renumber) {
    field.number = nextFieldNumber(numbers, res);
    numbers.add(field.number);
    ctx.warnings.push(
      `${where(field.name)} had the number ${q(old)}, which is taken, reserved or out of range; it is now ${field.number}.`,
    );
  }
  return out.slice(); // exactly its items (see `list`)
}

function values(raw: Obj, typeName: string, res: Reserved | undefined, allowAlias: boolean, ctx: Ctx): EnumValue[] {
  const out: EnumValue[] = [];
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const x of Array.isArray(raw.values) ? raw.values.slice(0, LIMITS.valuesPerEnum) : []) {
    if (!isObj(x)) continue;
    const declared = str(x.name, 200) ?? '';
    let name = ident(declared) ?? upperSnake(declared);
    for (let n = 2; names.has(name); n++) name = `${ident(declared) ?? upperSnake(declared)}_${n}`;
    if (name !== declared) ctx.warnings.push(`The value ${q(declared)} of ${q(typeName)} was renamed to ${q(name)}.`);
    names.add(name);
    let n = num(x.number);
    if (
      n === undefined ||
      !Number.isInteger(n) ||
      n < ENUM_MIN ||
      n > ENUM_MAX ||
      (numbers.has(n) && !allowAlias) ||
      inReserved(n, res)
    ) {
      let next = Math.max(0, ...numbers) + 1;
      while (numbers.has(next) || inReserved(next, res)) next++;
      ctx.warnings.push(
        `The value ${q(name)} of ${q(typeName)} had the number ${q(x.number)}, which is taken, reserved or out of range; it is now ${next}.`,
      );
      n = next;
    }
    numbers.add(n);
    const value: EnumValue = { name, number: n };
    const description = str(x.description, 2000);
    if (description) value.description = description;
    out.push(value);
  }
  const zero = out.findIndex((v) => v.number === 0);
  if (zero > 0) {
    const [z] = out.splice(zero, 1);
    if (z) out.unshift(z);
    ctx.warnings.push(
      `The value ${q(out[0]?.name)} of ${q(typeName)} was moved first: proto3 wants the zero value first.`,
    );
  } else if (zero < 0) {
    let name = `${upperSnake(typeName)}_UNSPECIFIED`;
    while (names.has(name)) name = `${name}_`;
    out.unshift({ name, number: 0 });
    ctx.warnings.push(
      `The enum ${q(typeName)} had no value numbered 0, which proto3 needs first; ${name} = 0 was added.`,
    );
  }
  return out;
}

/** Restores the types of a design; `ctx.nodes` are the nodes already restored (owners). */
export function repairTypes(raw: unknown, ctx: Ctx): DesignType[] {
  const items = Array.isArray(raw) ? raw : [];
  if (raw !== undefined && !Array.isArray(raw)) ctx.warnings.push('The list of types was unreadable.');
  if (items.length > LIMITS.types)
    ctx.warnings.push(`Only the first ${LIMITS.types} of ${items.length} types were kept.`);
  const kept: { raw: Obj; id: string; kind: 'message' | 'enum' }[] = [];
  const ids = new Set<string>();
  for (const [i, x] of items.slice(0, LIMITS.types).entries()) {
    const id = isObj(x) ? str(x.id, 100) : undefined;
    if (!isObj(x) || id === undefined || !validTypeId(id) || ids.has(id) || isWellKnown(id)) {
      ctx.warnings.push(`Type ${i + 1} had a missing, invalid or repeated id and was dropped.`);
      continue;
    }
    if (x.kind !== 'message' && x.kind !== 'enum') {
      ctx.warnings.push(`Type ${i + 1} (${q(x.name)}) is neither a message nor an enum and was dropped.`);
      continue;
    }
    ids.add(id);
    kept.push({ raw: x, id, kind: x.kind });
  }
  const known = (ref: string) => isScalar(ref) || isWellKnown(ref) || ids.has(ref);
  const out: DesignType[] = kept.map(({ raw: x, id, kind }) => {
    const t = base(x, id, ctx);
    if (kind === 'message') {
      const res = reserved(x.reserved, 536_870_911, 1);
      return { ...t, kind, fields: fields(x, t.name, res, known, ctx), ...(res ? { reserved: res } : {}) };
    }
    const res = reserved(x.reserved, ENUM_MAX, ENUM_MIN);
    const allowAlias = x.allowAlias === true;
    return {
      ...t,
      kind,
      values: values(x, t.name, res, allowAlias, ctx),
      ...(res ? { reserved: res } : {}),
      ...(allowAlias ? { allowAlias } : {}),
    };
  });
  repairNesting(out, ctx);
  return out;
}

/** Parents must be messages of the design without cycles; names unique per package and parent. */
function repairNesting(types: DesignType[], ctx: Ctx): void {
  const byId = new Map(types.map((t) => [t.id, t]));
  for (const t of types) {
    if (t.parent === undefined) continue;
    let p = byId.get(t.parent);
    let ok = p?.kind === 'message';
    for (let depth = 0; ok && p?.parent !== undefined && depth < 100; depth++) {
      if (p.parent === t.id) ok = false;
      p = byId.get(p.parent);
    }
    if (!ok || p?.parent !== undefined) {
      delete t.parent;
      ctx.warnings.push(
        `The type ${q(t.name)} was nested in a type that is not a message of the design (or in itself); it is now top-level.`,
      );
    } else if (t.package !== undefined || t.owner !== undefined) {
      delete t.package;
      delete t.owner;
      ctx.warnings.push(
        `The nested type ${q(t.name)} takes the package of the message it is nested in; its own was removed.`,
      );
    }
  }
  const top = (t: DesignType): DesignType => {
    let r = t;
    for (let i = 0; r.parent !== undefined && i < 100; i++) r = byId.get(r.parent) ?? r;
    return r;
  };
  const taken = new Set<string>();
  for (const t of types) {
    const scope = `${typePackage(ctx.project, top(t), (id) => ctx.nodes.get(id))} ${t.parent ?? ''}`;
    let name = t.name;
    for (let n = 2; taken.has(`${scope} ${name}`); n++) name = `${t.name}${n}`;
    if (name !== t.name) {
      ctx.warnings.push(`The type ${q(t.name)} was renamed to ${q(name)}: another type of its package has that name.`);
      t.name = name;
    }
    taken.add(`${scope} ${name}`);
  }
}
