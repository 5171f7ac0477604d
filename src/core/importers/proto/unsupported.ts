import { Enum, Field, MapField, Service, Type } from 'protobufjs';
import type { ParsedProtos } from './parse';
import { fullName, type Places } from './places';

/** Field options the design keeps (`packed` only as proto3's default). */
const FIELD_OPTIONS_KEPT = new Set(['json_name', 'deprecated', 'proto3_optional']);
const NO_PLACE = 'the design has no place for it';

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

function optionName(key: string): string {
  return key.startsWith('(') ? key.slice(0, key.indexOf(')') + 1) : key;
}

/** `option (x.y).z = 1` keeps its head `(x.y)`; one warning per option name and element. */
function options(
  opts: Record<string, unknown> | undefined,
  kept: ReadonlySet<string>,
  what: string,
  where: (name: string) => string,
  warn: (w: string) => void,
): void {
  if (!opts) return;
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(opts)) {
    const name = optionName(key);
    if (kept.has(key) || seen.has(name)) continue;
    seen.add(name);
    const why = name.startsWith('(')
      ? 'custom options are not imported'
      : name === 'deprecated'
        ? 'the design marks fields, RPCs and endpoints as deprecated, not this'
        : NO_PLACE;
    warn(`${where(name)}: option ${key} = ${show(value)} of ${what} is not imported (${why}).`);
  }
}

/** Names everything in the files that the design cannot hold, with its place. */
export function noteFiles(parsed: ParsedProtos, warn: (w: string) => void): void {
  for (const f of parsed.files.values()) {
    const src = f.source;
    const syntax = src.syntax();
    if (syntax.value !== 'proto3')
      warn(
        `${src.where(syntax.offset)}: ${f.path} is ${syntax.value}; names, numbers and labels are kept, ` +
          `${syntax.value === 'proto2' ? 'proto2' : 'edition'}-only behaviour (defaults, closed enums, required, groups, extensions) is not.`,
      );
    for (const [key, value] of Object.entries(f.options))
      warn(`${src.where(src.option(key))}: file option ${key} = ${show(value)} is not imported (${NO_PLACE}).`);
    for (const p of f.weakImports) warn(`${src.where(src.importOf(p))}: weak import "${p}" is read as a plain import.`);
    for (const p of f.publicImports)
      warn(`${src.where(src.importOf(p))}: public import "${p}" is read as a plain import.`);
  }
  for (const m of parsed.missing) {
    const f = parsed.files.get(m.file);
    const at = f ? f.source.where(f.source.importOf(m.path)) : m.file;
    const why = m.path.startsWith('google/protobuf/')
      ? 'it is not one of the well-known files the design supports'
      : 'it was not given';
    warn(`${at}: import "${m.path}" is not read (${why}); options it defines are not imported.`);
  }
}

/** Names what a message, enum or service declares that the design cannot hold. */
export function noteElement(o: Type | Enum | Service, places: Places, warn: (w: string) => void): void {
  const at = (name?: string) => places.where(o, name);
  if (o instanceof Type) {
    const what = `message ${fullName(o)}`;
    options(o.options, new Set(), what, at, warn);
    for (const [lo, hi] of o.extensions ?? [])
      warn(`${at()}: extension range ${lo} to ${hi} of ${what} is not imported (extensions are not supported).`);
    for (const f of o.fieldsArray) if (f.extend === undefined && !f.declaringField) noteField(f, o, places, warn);
    for (const one of o.oneofsArray)
      if (!one.name.startsWith('_') || one.fieldsArray.length !== 1)
        options(one.options, new Set(), `oneof ${fullName(one)}`, (n) => places.where(one, n), warn);
  } else if (o instanceof Enum) {
    const what = `enum ${fullName(o)}`;
    options(o.options, new Set(['allow_alias']), what, at, warn);
    for (const [value, opts] of Object.entries(o.valuesOptions ?? {}))
      options(opts, new Set(), `enum value ${fullName(o)}.${value}`, () => places.whereValue(o, value), warn);
  } else {
    options(o.options, new Set(), `service ${fullName(o)}`, at, warn);
    for (const m of o.methodsArray)
      options(m.options, new Set(['deprecated']), `rpc ${fullName(m)}`, (n) => places.where(m, n), warn);
  }
}

function noteField(f: Field, msg: Type, places: Places, warn: (w: string) => void): void {
  const what = `field ${fullName(msg)}.${f.name}`;
  if (f.required) warn(`${places.where(f)}: required ${what} is imported as optional (proto2 required is not kept).`);
  if ((f as unknown as { delimited?: boolean }).delimited === true && !(f instanceof MapField))
    warn(
      `${places.where(f)}: group ${what} is imported as a message field; groups are encoded differently on the wire.`,
    );
  const opts = (f.options ?? {}) as Record<string, unknown>;
  const kept = new Set(FIELD_OPTIONS_KEPT);
  if (opts.packed === true) kept.add('packed');
  options(opts, kept, what, (n) => places.where(f, n), warn);
}

/** Extensions (`extend X { … }`) are named and left out; they would not resolve without their options. */
export function noteExtension(f: Field, places: Places, warn: (w: string) => void): void {
  warn(
    `${places.where(f)}: extension ${fullName(f)} = ${f.id} of ${f.extend ?? '?'} is not imported (extensions are not supported).`,
  );
}
