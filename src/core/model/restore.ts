import { dnsLabel, packageSegment, pascalCase, topicName } from './naming';
import { sharedPackage, typePackage } from './packages';
import { RepairLog } from './repairLog';
import { refKinds, repairApi, repairChannels, type ApiCtx } from './restoreApi';
import { repairLink } from './restoreLink';
import { LIMITS, contractRole, isObj, repairEnvPrefixes, repairNode, type TakenNames } from './restoreNode';
import { repairTypes } from './restoreTypes';
import { boundWarnings, q } from './restoreUtil';
import { LONE_SURROGATE, show } from './text';
import { DESIGN_FORMAT, DESIGN_VERSION, emptyDesign, type Design, type DesignType } from './types';
import { MIGRATIONS, type Migrations } from './migrations';
import { repairPresentation } from '../presentation/steps';
import { repairComposeTop } from './restoreOrigin';
import { repairBoundaries, repairNotes } from './restoreAreas';

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
    doc = step(doc, warnings);
    version++;
  }
  const log = new RepairLog();
  const design = repair(doc, log);
  return { ok: true, design, warnings: boundWarnings([...warnings, ...log.done()]) };
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
  const rawOf = new Map<string, Obj>();
  for (const [i, raw] of rawNodes.entries()) {
    const node = repairNode(raw, i, ids, names, log);
    if (node) {
      design.nodes.push(node);
      rawOf.set(node.id, raw as Obj);
      ids.add(node.id);
      names.dns.add(dnsLabel(node.name));
      names.pkg.add(packageSegment(node.name));
    }
  }
  repairEnvPrefixes(design.nodes, log);
  design.types = repairTypes(doc.types, {
    project: design.name,
    nodes: new Map(design.nodes.map((n) => [n.id, n])),
    warnings: log.warnings,
  });
  repairContracts(design, rawOf, log.warnings);

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
  addMissingChannels(design, log.warnings);
  if (doc.boundaries !== undefined) {
    const boundaries = repairBoundaries(doc.boundaries, design, taken, log);
    if (boundaries.length > 0) design.boundaries = boundaries;
  }
  if (doc.notes !== undefined) {
    const notes = repairNotes(doc.notes, taken, log);
    if (notes.length > 0) design.notes = notes;
  }
  const presentation = repairPresentation(doc.presentation, design, log.warnings);
  if (presentation) design.presentation = presentation;
  const composeTop = repairComposeTop(doc.composeTop, log);
  if (composeTop) design.composeTop = composeTop;
  return design;
}
/** Restores each node's API or channels, now that the types are known. */
function repairContracts(design: Design, rawOf: ReadonlyMap<string, Obj>, warnings: string[]): void {
  const kindOf = refKinds(design.types);
  const typeIds = new Set(design.types.map((t) => t.id));
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const ctx: ApiCtx = {
    node: '',
    kindOf: (ref) => kindOf(ref) ?? (typeIds.has(ref) ? 'message' : undefined),
    warnings,
    addType: (t) => addSharedType(design, t, byId),
    newTypeId: (name) => freeTypeId(typeIds, name),
  };
  for (const node of design.nodes) {
    const raw = rawOf.get(node.id);
    if (!raw || (raw.api === undefined && raw.channels === undefined)) continue;
    ctx.node = node.name;
    const role = contractRole(node.kind);
    if (raw.api !== undefined && role !== 'api')
      warnings.push(`The API of ${q(node.name)} was removed: a ${node.kind} node serves no API.`);
    else if (raw.api !== undefined) {
      const api = repairApi(raw.api, ctx);
      if (api) node.api = api;
    }
    if (raw.channels !== undefined && role !== 'channels')
      warnings.push(`The channels of ${q(node.name)} were removed: only a broker has channels.`);
    else if (raw.channels !== undefined) {
      const channels = repairChannels(raw.channels, ctx);
      if (channels) node.channels = channels;
    }
  }
}

function freeTypeId(ids: Set<string>, name: string): string {
  const base = `t_${name}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56);
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}_${i}`;
  ids.add(id);
  return id;
}

/** Adds a type of the shared package, renamed if its name is taken there. */
function addSharedType(design: Design, t: DesignType, byId: ReadonlyMap<string, Design['nodes'][number]>): void {
  const shared = sharedPackage(design.name);
  const taken = new Set(
    design.types
      .filter((o) => o.parent === undefined && typePackage(design.name, o, (id) => byId.get(id)) === shared)
      .map((o) => o.name),
  );
  let name = t.name;
  for (let i = 2; taken.has(name); i++) name = `${t.name}${i}`;
  design.types.push({ ...t, name });
}

/**
 * Every queue link's topic is a channel of its broker: one that is missing (a hand-edited file)
 * is added with an empty message, and said so.
 */
function addMissingChannels(design: Design, warnings: string[]): void {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const typeIds = new Set(design.types.map((t) => t.id));
  for (const link of design.links) {
    if (link.kind !== 'queue' || link.topic.trim() === '') continue;
    const source = byId.get(link.source);
    const broker = source && contractRole(source.kind) === 'channels' ? source : byId.get(link.target);
    if (!broker || contractRole(broker.kind) !== 'channels') continue;
    const topic = topicName(link.topic);
    if ((broker.channels ?? []).some((c) => topicName(c.topic) === topic)) continue;
    const name = `${pascalCase(topic, 'Topic')}Message`;
    const id = freeTypeId(typeIds, name);
    addSharedType(design, { id, kind: 'message', name, fields: [] }, byId);
    const next = { ...broker, channels: [...(broker.channels ?? []), { topic: link.topic, message: id }] };
    design.nodes = design.nodes.map((n) => (n === broker ? next : n));
    byId.set(broker.id, next);
    warnings.push(`The ${q(link.topic)} of ${q(broker.name)} had no channel; one was added with an empty message.`);
  }
}
