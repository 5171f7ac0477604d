import { dnsLabel, packageSegment } from './naming';
import { RepairLog } from './repairLog';
import { repairLink } from './restoreLink';
import { LIMITS, isObj, repairNode, type TakenNames } from './restoreNode';
import { LONE_SURROGATE, show } from './text';
import { DESIGN_FORMAT, DESIGN_VERSION, emptyDesign, type Design } from './types';
import { MIGRATIONS, type Migrations } from './migrations';
import { repairPresentation } from '../presentation/steps';

/**
 * The outcome of loading untrusted input. `design` is null when nothing usable was found; the
 * caller then keeps the user's current design and shows `error`.
 */
export type RestoreResult =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

type Obj = Record<string, unknown>;

export { LIMITS } from './restoreNode';
export { TEXT_LIMITS } from './text';

/** Parses JSON text and restores it; never throws. */
export function restoreText(text: string): RestoreResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `This file is not a design: it is not valid JSON (${(e as Error).message}).`,
      warnings: [],
    };
  }
  return restore(data);
}

/** Where restore migrates to and with which steps; tests pass their own table. */
export interface RestoreOptions {
  migrations?: Migrations;
  currentVersion?: number;
}

/**
 * Validates, migrates and repairs a design from untrusted input (a file, a link, local storage).
 * It never throws: what it cannot use it reports in `warnings`, and input that is not a design
 * at all gives `ok: false` with a message a person understands.
 */
export function restore(input: unknown, options: RestoreOptions = {}): RestoreResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? DESIGN_VERSION;
  const warnings: string[] = [];
  if (!isObj(input))
    return { ok: false, error: 'This is not a Polyglot Canvas design: expected a JSON object.', warnings };
  if (input.format !== DESIGN_FORMAT) {
    return {
      ok: false,
      error: `This is not a Polyglot Canvas design: its "format" is ${JSON.stringify(String(input.format ?? 'missing')).slice(0, 60)}, expected "${DESIGN_FORMAT}".`,
      warnings,
    };
  }
  let version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'This design has no valid version number, so it cannot be read safely.', warnings };
  }
  if (version > current) {
    return {
      ok: false,
      error: `This design was saved by a newer Polyglot Canvas (format version ${version}; this one reads up to ${current}).`,
      warnings,
    };
  }
  let doc: Obj = input;
  while (version < current) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) return { ok: false, error: `No migration from design version ${version}.`, warnings };
    doc = step(doc);
    version++;
  }
  const log = new RepairLog();
  const design = repair(doc, log);
  return { ok: true, design, warnings: [...warnings, ...log.done()] };
}

function repair(doc: Obj, log: RepairLog): Design {
  const design = emptyDesign();
  if (doc.name !== undefined) {
    const name = typeof doc.name === 'string' ? doc.name : '';
    const why =
      typeof doc.name !== 'string'
        ? 'it is not a text'
        : !name.trim()
          ? 'it is blank'
          : name.length > 100
            ? 'it is longer than 100 characters'
            : /[\u0000-\u001f\u007f]/.test(name)
              ? 'it holds a control character or line break'
              : LONE_SURROGATE.test(name)
                ? 'it holds a broken character (an unpaired UTF-16 surrogate)'
                : null;
    if (why) log.add(`The project name ${show(doc.name)} was unusable (${why}) and was reset to "${design.name}".`);
    else design.name = name;
  }

  if (doc.viewport !== undefined) {
    const v = isObj(doc.viewport) ? doc.viewport : {};
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (finite(v.x) && finite(v.y) && finite(v.zoom) && v.zoom > 0 && v.zoom <= 10)
      design.viewport = { x: v.x, y: v.y, zoom: v.zoom };
    else log.add('The saved view (position and zoom) was unreadable; the design opens at the start view.');
  }

  const rawNodes = log.list(doc.nodes, LIMITS.nodes, 'the list of nodes');
  const ids = new Set<string>();
  // sets, not nameProblem's list, so that thousands of nodes do not take quadratic time
  const names: TakenNames = { dns: new Set(), pkg: new Set() };
  for (const [i, raw] of rawNodes.entries()) {
    const node = repairNode(raw, i, ids, names, log);
    if (node) {
      design.nodes.push(node);
      ids.add(node.id);
      names.dns.add(dnsLabel(node.name));
      names.pkg.add(packageSegment(node.name));
    }
  }

  const rawLinks = log.list(doc.links, LIMITS.links, 'the list of links');
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const taken = new Set<string>(ids);
  for (const [i, raw] of rawLinks.entries()) {
    const link = repairLink(raw, i, byId, taken, log);
    if (link) {
      taken.add(link.id);
      design.links.push(link);
    }
  }
  const presentation = repairPresentation(doc.presentation, design, log.warnings);
  if (presentation) design.presentation = presentation;
  return design;
}
