import {
  FIELD_TYPES,
  HTTP_METHODS,
  isLinkKind,
  isNodeKind,
  isRuntime,
  type FieldType,
  type HttpMethod,
} from '../catalog/catalog';
import { imageProblem } from './image';
import { repairLimits } from './limits';
import { dnsLabel, nameProblem, packageSegment } from './naming';
import { linkProblem, validPort } from '../ops/ops';
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  emptyDesign,
  type Design,
  type DesignLink,
  type DesignNode,
  type Endpoint,
  type EnvVar,
  type Field,
  type Rpc,
} from './types';
import { MIGRATIONS, type Migrations } from './migrations';
import { repairPresentation } from '../presentation/steps';

/**
 * The outcome of loading untrusted input. `design` is null when nothing usable was found; the
 * caller then keeps the user's current design and shows `error`.
 */
export type RestoreResult =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 1000): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Limits that keep a hostile file from freezing the tab. */
export const LIMITS = { nodes: 5000, links: 20000, fieldsPerList: 200, envPerNode: 200 } as const;

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
  return { ok: true, design: repair(doc, warnings), warnings };
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
  // sets, not nameProblem's list, so that thousands of nodes do not take quadratic time
  const names: TakenNames = { dns: new Set(), pkg: new Set() };
  for (const [i, raw] of rawNodes.slice(0, LIMITS.nodes).entries()) {
    const node = repairNode(raw, i, ids, names, warnings);
    if (node) {
      design.nodes.push(node);
      ids.add(node.id);
      names.dns.add(dnsLabel(node.name));
      names.pkg.add(packageSegment(node.name));
    }
  }

  const rawLinks = Array.isArray(doc.links) ? doc.links : [];
  if (rawLinks.length > LIMITS.links)
    warnings.push(`Only the first ${LIMITS.links} of ${rawLinks.length} links were kept.`);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
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
      endpoints: list(raw.endpoints, repairEndpoint),
      rpcs: list(raw.rpcs, repairRpc),
      topic: str(raw.topic, 200) ?? '',
      message: fields(raw.message),
    };
    linkIds.add(id);
    design.links.push(link);
  }
  const presentation = repairPresentation(doc.presentation, design, warnings);
  if (presentation) design.presentation = presentation;
  return design;
}

interface TakenNames {
  dns: Set<string>;
  pkg: Set<string>;
}

function repairNode(
  raw: unknown,
  i: number,
  ids: Set<string>,
  names: TakenNames,
  warnings: string[],
): DesignNode | null {
  if (!isObj(raw)) {
    warnings.push(`Node ${i + 1} was not an object and was dropped.`);
    return null;
  }
  const id = str(raw.id, 100);
  if (!id || ids.has(id)) {
    warnings.push(`Node ${i + 1} had a missing or repeated id and was dropped.`);
    return null;
  }
  if (!isNodeKind(raw.kind)) {
    warnings.push(
      `Node ${i + 1} has an unknown kind ${JSON.stringify(String(raw.kind)).slice(0, 40)} and was dropped.`,
    );
    return null;
  }
  let name = str(raw.name, 100) ?? '';
  const taken = (n: string) => names.dns.has(dnsLabel(n)) || names.pkg.has(packageSegment(n));
  if (nameProblem(name, []) || taken(name)) {
    name = `${raw.kind}-${i + 1}`;
    while (taken(name)) name = `${name}-x`;
    warnings.push(`Node ${i + 1} had an unusable or repeated name and was renamed to "${name}".`);
  }
  const pos = isObj(raw.position) ? raw.position : {};
  const port = num(raw.port);
  const grpcPort = num(raw.grpcPort);
  const replicas = num(raw.replicas);
  const node: DesignNode = {
    id,
    kind: raw.kind,
    name,
    position: { x: clampCoord(num(pos.x)), y: clampCoord(num(pos.y)) },
    port: port !== undefined && validPort(port) ? port : 8080,
    // infrastructure has no gRPC port: addNode gives it 0, and a reload must keep it so
    grpcPort: isRuntime(raw.kind)
      ? grpcPort !== undefined && validPort(grpcPort)
        ? grpcPort
        : 50051
      : grpcPort !== undefined && (grpcPort === 0 || validPort(grpcPort))
        ? grpcPort
        : 0,
    replicas: replicas !== undefined && Number.isInteger(replicas) && replicas >= 0 && replicas <= 100 ? replicas : 1,
    env: list(raw.env, repairEnv, LIMITS.envPerNode),
    description: str(raw.description, 2000) ?? '',
  };
  if (raw.image !== undefined) {
    const why = typeof raw.image === 'string' ? imageProblem(raw.image) : 'An image is a text.';
    if (why) warnings.push(`The image of ${name} was removed: ${why}`);
    else node.image = raw.image as string;
  }
  if (raw.hostPort !== undefined) {
    const hostPort = num(raw.hostPort);
    if (hostPort !== undefined && (hostPort === 0 || validPort(hostPort))) node.hostPort = hostPort;
    else
      warnings.push(
        `The host port of ${name} was removed: it must be a whole number from 1 to 65535 (or 0 to publish none).`,
      );
  }
  const limits = repairLimits(raw.limits, name, warnings);
  if (limits) node.limits = limits;
  return node;
}

const clampCoord = (v: number | undefined) => (v === undefined ? 0 : Math.max(-1e6, Math.min(1e6, v)));

function list<T>(v: unknown, f: (x: unknown) => T | null, max: number = LIMITS.fieldsPerList): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const x of v.slice(0, max)) {
    const r = f(x);
    if (r) out.push(r);
  }
  return out;
}

function repairEnv(x: unknown): EnvVar | null {
  if (!isObj(x)) return null;
  const key = str(x.key, 200);
  if (!key || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return null;
  return { key, value: str(x.value, 4000) ?? '' };
}

function repairField(x: unknown): Field | null {
  if (!isObj(x)) return null;
  const name = str(x.name, 100);
  if (!name) return null;
  const type = (FIELD_TYPES as readonly string[]).includes(x.type as string) ? (x.type as FieldType) : 'string';
  return { name, type };
}

const fields = (v: unknown): Field[] => list(v, repairField);

function repairEndpoint(x: unknown): Endpoint | null {
  if (!isObj(x)) return null;
  const method = (HTTP_METHODS as readonly string[]).includes(x.method as string) ? (x.method as HttpMethod) : 'GET';
  const path = str(x.path, 300);
  if (path === undefined) return null;
  return { method, path, request: fields(x.request), response: fields(x.response) };
}

function repairRpc(x: unknown): Rpc | null {
  if (!isObj(x)) return null;
  const name = str(x.name, 100);
  if (!name) return null;
  return { name, request: fields(x.request), response: fields(x.response) };
}
