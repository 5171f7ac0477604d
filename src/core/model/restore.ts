import { isLinkKind } from '../catalog/catalog';
import { dnsLabel, packageSegment, topicName } from './naming';
import { linkProblem } from '../ops/ops';
import { DESIGN_FORMAT, DESIGN_VERSION, emptyDesign, type Design, type DesignLink, type DesignType } from './types';
import { MIGRATIONS, type Migrations } from './migrations';
import { repairPresentation } from '../presentation/steps';
import { refKinds, repairApi, repairChannels, type ApiCtx } from './restoreApi';
import { contractRole, repairEnvPrefixes, repairNode, type TakenNames } from './restoreNode';
import { repairTypes } from './restoreTypes';
import { LIMITS, boundWarnings, isObj, num, q, str, type Obj } from './restoreUtil';
import { pascalCase } from './naming';
import { sharedPackage, typePackage } from './packages';

export { LIMITS } from './restoreUtil';

/**
 * The outcome of loading untrusted input. `design` is null when nothing usable was found; the
 * caller then keeps the user's current design and shows `error`.
 */
export type RestoreResult =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

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
  const design = repair(doc, warnings);
  return { ok: true, design, warnings: boundWarnings(warnings) };
}

function repair(doc: Obj, warnings: string[]): Design {
  const design = emptyDesign();
  const name = str(doc.name, 100);
  if (name && name.trim() && !/[\u0000-\u001f\u007f]/.test(name)) design.name = name;
  else if (doc.name !== undefined) warnings.push('The project name was unusable and was reset.');

  if (isObj(doc.viewport)) {
    const x = num(doc.viewport.x);
    const y = num(doc.viewport.y);
    const zoom = num(doc.viewport.zoom);
    if (x !== undefined && y !== undefined && zoom !== undefined && zoom > 0 && zoom <= 10)
      design.viewport = { x, y, zoom };
  }

  const rawNodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  if (!Array.isArray(doc.nodes) && doc.nodes !== undefined) warnings.push('The list of nodes was unreadable.');
  if (rawNodes.length > LIMITS.nodes)
    warnings.push(`Only the first ${LIMITS.nodes} of ${rawNodes.length} nodes were kept.`);
  const ids = new Set<string>();
  const names: TakenNames = { dns: new Set(), pkg: new Set() };
  const rawOf = new Map<string, Obj>();
  for (const [i, raw] of rawNodes.slice(0, LIMITS.nodes).entries()) {
    const node = repairNode(raw, i, ids, names, warnings);
    if (node) {
      design.nodes.push(node);
      rawOf.set(node.id, raw as Obj);
      ids.add(node.id);
      names.dns.add(dnsLabel(node.name));
      names.pkg.add(packageSegment(node.name));
    }
  }
  repairEnvPrefixes(design.nodes, warnings);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));

  design.types = repairTypes(doc.types, { project: design.name, nodes: byId, warnings });
  repairContracts(design, rawOf, warnings);

  const rawLinks = Array.isArray(doc.links) ? doc.links : [];
  if (rawLinks.length > LIMITS.links)
    warnings.push(`Only the first ${LIMITS.links} of ${rawLinks.length} links were kept.`);
  const linkIds = new Set<string>();
  for (const [i, raw] of rawLinks.slice(0, LIMITS.links).entries()) {
    if (!isObj(raw)) {
      warnings.push(`Link ${i + 1} was not an object and was dropped.`);
      continue;
    }
    const id = str(raw.id, 100);
    const source = byId.get(str(raw.source, 100) ?? '');
    const target = byId.get(str(raw.target, 100) ?? '');
    if (!id || linkIds.has(id) || ids.has(id)) {
      warnings.push(`Link ${i + 1} had a missing or repeated id and was dropped.`);
      continue;
    }
    if (!source || !target || source === target) {
      warnings.push(`Link ${i + 1} did not connect two nodes of the design and was dropped.`);
      continue;
    }
    if (!isLinkKind(raw.kind)) {
      warnings.push(`Link ${i + 1} had an unknown kind and was dropped.`);
      continue;
    }
    const why = linkProblem(source.kind, target.kind, raw.kind);
    if (why) {
      warnings.push(`Link from ${source.name} to ${target.name} was dropped: ${why}`);
      continue;
    }
    const link: DesignLink = {
      id,
      kind: raw.kind,
      source: source.id,
      target: target.id,
      topic: str(raw.topic, 200) ?? '',
    };
    if (raw.uses !== undefined) {
      const methods =
        raw.kind === 'rest'
          ? (target.api?.rest ?? []).map((e) => e.id)
          : raw.kind === 'grpc'
            ? (target.api?.grpc ?? []).flatMap((s) => s.rpcs.map((r) => r.id))
            : null;
      const where = `the link from ${source.name} to ${target.name}`;
      if (!methods || !Array.isArray(raw.uses))
        warnings.push(
          `The list of methods ${where} uses was removed: ${methods ? 'it was unreadable' : `a ${raw.kind} link uses no methods`}.`,
        );
      else {
        const known = new Set(methods);
        const uses = [
          ...new Set(raw.uses.slice(0, LIMITS.methodsPerNode).filter((u): u is string => typeof u === 'string')),
        ];
        const kept = uses.filter((u) => known.has(u));
        if (kept.length < raw.uses.length)
          warnings.push(
            `${raw.uses.length - kept.length} of the methods ${where} uses are not served by ${target.name} (or repeated); they were removed.`,
          );
        link.uses = kept;
      }
    }
    linkIds.add(id);
    design.links.push(link);
  }
  addMissingChannels(design, warnings);
  const presentation = repairPresentation(doc.presentation, design, warnings);
  if (presentation) design.presentation = presentation;
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
