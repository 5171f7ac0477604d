import { designContracts, type ResolvedType } from '../../model/contracts';
import { WELL_KNOWN_TYPES } from '../../model/typeRefs';
import type { Design } from '../../model/types';
import { exportedServices } from './layout';
import { LEGACY_IN_SERVICE_PING, PING_MESSAGES } from './ping';

/**
 * How a `.proto` file names a type so that protobuf's scoping finds that type: the shortest of
 * its relative name and its full name that resolves to it from where it is written, else the full
 * name with a leading dot. Scoping follows protoc: the first part of a name is looked up from the
 * innermost scope outwards, the rest inside what it found. Any other symbol with that first part
 * (a field, an RPC, an enum value) is treated as hiding the type, which is never wrong.
 */

export type Symbols = ReadonlyMap<string, 'package' | 'type' | 'other'>;

const tables = new WeakMap<Design, Symbols>();

/** Every name a design's proto files declare: packages, types, services, RPCs, fields, enum values. */
export function symbolTable(design: Design): Symbols {
  const known = tables.get(design);
  if (known) return known;
  const s = new Map<string, 'package' | 'type' | 'other'>();
  const pkg = (p: string) => {
    const parts = p.split('.');
    for (let i = 1; i <= parts.length; i++)
      if (!s.has(parts.slice(0, i).join('.'))) s.set(parts.slice(0, i).join('.'), 'package');
  };
  pkg('google.protobuf');
  for (const wk of Object.keys(WELL_KNOWN_TYPES)) s.set(wk, 'type');
  const u = designContracts(design).universe;
  for (const t of u.types) {
    pkg(t.package);
    s.set(t.names.full, 'type');
    if (t.kind === 'message') for (const f of t.fields) s.set(`${t.names.full}.${f.name}`, 'other');
    else {
      const scope = t.names.full.slice(0, t.names.full.length - t.names.proto.length - 1);
      for (const v of t.values) if (!s.has(`${scope}.${v.name}`)) s.set(`${scope}.${v.name}`, 'other');
    }
  }
  for (const svc of exportedServices(design)) {
    pkg(svc.package);
    s.set(svc.fullName, 'other');
    for (const r of svc.rpcs) s.set(`${svc.fullName}.${r.name}`, 'other');
    if (LEGACY_IN_SERVICE_PING) {
      s.set(`${svc.fullName}.Ping`, 'other');
      for (const m of PING_MESSAGES) if (!s.has(`${svc.package}.${m}`)) s.set(`${svc.package}.${m}`, 'type');
    }
  }
  tables.set(design, s);
  return s;
}

function resolve(symbols: Symbols, scope: readonly string[], name: string): string | null {
  const [first = '', ...rest] = name.split('.');
  for (let i = scope.length; i >= 0; i--) {
    const candidate = [...scope.slice(0, i), first].join('.');
    const kind = symbols.get(candidate);
    if (kind === undefined) continue;
    if (rest.length === 0) return kind === 'type' ? candidate : null;
    if (kind === 'other') return null;
    const full = [candidate, ...rest].join('.');
    return symbols.get(full) === 'type' ? full : null;
  }
  return null;
}

/**
 * The name to write for a type from a scope (`[...package parts, ...enclosing names]`), and its
 * full name. `relative` starts with a dot when nothing shorter resolves.
 */
export function writtenName(
  symbols: Symbols,
  scope: readonly string[],
  t: ResolvedType,
): { relative: string; full: string } {
  if (t.kind === 'scalar') return { relative: t.scalar, full: t.scalar };
  const full = t.kind === 'wellKnown' ? t.name : t.type.names.full;
  const pkg = t.kind === 'wellKnown' ? 'google.protobuf' : t.type.package;
  const samePackage = scope.slice(0, pkg.split('.').length).join('.') === pkg;
  const candidate = samePackage ? full.slice(pkg.length + 1) : full;
  if (resolve(symbols, scope, candidate) === full) return { relative: candidate, full };
  if (candidate !== full && resolve(symbols, scope, full) === full) return { relative: full, full };
  return { relative: `.${full}`, full };
}
