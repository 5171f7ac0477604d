import { Enum, Field, Namespace, Service, Type, type ReflectionObject } from 'protobufjs';
import type { DesignType } from '../../model/types';
import { IdPool, idFrom } from '../contracts/ids';
import { Warnings, listed } from '../contracts/text';
import type { ImporterResult } from '../contracts/types';
import { enumOf, messageOf, type TypeContext } from './messages';
import { parseProtos } from './parse';
import { Places, fullName } from './places';
import { serviceOf } from './services';
import { noteElement, noteExtension, noteFiles } from './unsupported';

interface Found {
  types: (Type | Enum)[];
  services: Service[];
  extensions: Field[];
}

function walk(ns: Namespace, places: Places, out: Found): void {
  for (const o of ns.nestedArray) {
    const ours = places.fileOf(o) !== undefined;
    if (o instanceof Type) {
      if (ours) out.types.push(o);
      walk(o, places, out);
    } else if (o instanceof Enum) {
      if (ours) out.types.push(o);
    } else if (o instanceof Service) {
      if (ours) out.services.push(o);
    } else if (o instanceof Field) {
      if (ours) out.extensions.push(o);
    } else if (o instanceof Namespace) walk(o, places, out);
  }
}

/** Declaration order: by file (in path order), then by place in the file. */
function inFileOrder<T extends ReflectionObject>(list: T[], places: Places, files: string[]): T[] {
  const key = (o: T) => files.indexOf(places.fileOf(o)?.path ?? '');
  return list
    .map((o, i) => ({ o, i, f: key(o), at: places.offset(o) }))
    .sort((a, b) => a.f - b.f || (a.at >= 0 && b.at >= 0 ? a.at - b.at : 0) || a.i - b.i)
    .map((x) => x.o);
}

/** Fields and RPCs resolve their types one by one, so every unknown type is reported, not the first. */
function resolveAll(found: Found, places: Places, errors: string[]): void {
  const hint = (written: string) => ` unknown type "${written}"`;
  for (const t of found.types)
    if (t instanceof Type)
      for (const f of t.fieldsArray) {
        try {
          f.resolve();
        } catch {
          errors.push(`${places.where(f)}:${hint(f.type)} of field ${fullName(t)}.${f.name}.`);
        }
      }
  // a method's request and response are looked up one by one, so each is reported on its own
  const lookup = (s: Service, name: string) => {
    try {
      return s.lookupType(name);
    } catch {
      return null;
    }
  };
  for (const s of found.services)
    for (const m of s.methodsArray) {
      m.resolvedRequestType = lookup(s, m.requestType);
      m.resolvedResponseType = lookup(s, m.responseType);
    }
}

/** Field numbers protobuf refuses: out of range, or in the range it keeps for itself. */
function checkNumbers(types: readonly (Type | Enum)[], places: Places, errors: string[]): void {
  for (const t of types)
    if (t instanceof Type)
      for (const f of t.fieldsArray)
        if (f.id < 1 || f.id > 536_870_911 || (f.id >= 19_000 && f.id <= 19_999))
          errors.push(
            `${places.where(f)}: field ${fullName(t)}.${f.name} has number ${f.id}; field numbers are 1 to 536,870,911 outside 19,000 to 19,999.`,
          );
}

/**
 * Imports `.proto` files (path → text; imports between them by path, google/protobuf well-known
 * imports built in) with protobufjs's parser: every message and enum becomes a design type that
 * keeps its package, names, numbers, labels, maps, oneofs, reserved numbers and file; every
 * service becomes the gRPC service of a service node. What the design cannot hold is named in the
 * warnings with its file, line and column; a syntax error or an unknown type fails the import.
 */
export function importProto(files: Readonly<Record<string, string>>): ImporterResult {
  const warnings = new Warnings();
  const warn = (w: string) => warnings.add(w);
  const r = parseProtos(files);
  if (!r.ok) return { ok: false, error: r.error, warnings: [] };
  const { parsed } = r;
  const places = new Places(parsed.files);
  const paths = [...parsed.files.keys()];
  noteFiles(parsed, warn);

  const found: Found = { types: [], services: [], extensions: [] };
  walk(parsed.root, places, found);
  for (const ext of found.extensions) {
    noteExtension(ext, places, warn);
    ext.parent?.remove(ext);
  }
  const errors: string[] = [];
  try {
    // resolves the editions features (required, groups, presence) before any type lookup can fail
    parsed.root.resolveAll();
  } catch {
    // every unresolved type is reported below, one by one
  }
  resolveAll(found, places, errors);
  const types = inFileOrder(found.types, places, paths);
  checkNumbers(types, places, errors);

  const pool = new IdPool();
  const ids = new Map(types.map((t) => [fullName(t), pool.take(idFrom(fullName(t), 'type'))]));
  const ctx: TypeContext = { places, ids, warn, errors };
  const designTypes: DesignType[] = types.map((t) =>
    t instanceof Type ? messageOf(t, ids.get(fullName(t)) ?? '', ctx) : enumOf(t, ids.get(fullName(t)) ?? '', ctx),
  );
  const services = inFileOrder(found.services, places, paths).map((s) => serviceOf(s, ctx));
  for (const o of [...types, ...found.services]) noteElement(o, places, warn);

  if (errors.length > 0) {
    const shown = [...new Set(errors)];
    const more = shown.length > 10 ? `\n… and ${shown.length - 10} more.` : '';
    const missing = parsed.missing.map((m) => `"${m.path}"`);
    const hint = missing.length > 0 ? `\nNot given: ${listed(missing)}; give those files too.` : '';
    return { ok: false, error: shown.slice(0, 10).join('\n') + more + hint, warnings: warnings.all() };
  }
  // the project is named after the first segment most services' packages (else types') share
  const roots = [...services.map((s) => s.grpc[0]?.package ?? ''), ...designTypes.map((t) => t.package ?? '')]
    .map((p) => p.split('.')[0] ?? '')
    .filter(Boolean);
  const count = (r: string) => roots.filter((x) => x === r).length;
  const project = roots.reduce<string | undefined>(
    (best, r) => (best === undefined || count(r) > count(best) ? r : best),
    undefined,
  );
  const imported = { types: designTypes, services, brokers: [], links: [], warnings: warnings.all() };
  return { ok: true, imported: project ? { ...imported, project } : imported };
}
