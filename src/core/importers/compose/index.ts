import { INFRA, describeKind, isInfra, isRuntime, roleOf, type NodeKind } from '../../catalog/catalog';
import { dnsLabel, nameProblem, packageSegment } from '../../model/naming';
import { restore } from '../../model/restore';
import { emptyDesign, type Design, type DesignNode } from '../../model/types';
import { connect, validPort, withCountedIds } from '../../ops/ops';
import { HELPER_KIND, KIND_LABEL, chooseKind } from './kinds';
import { planLinks, type ImportedService } from './links';
import { MAX_SERVICES, interpolateAll, isObj, parseComposeYaml, resolveExtends, serviceMap, type Obj } from './parse';
import { readService, type ComposeServiceFacts } from './service';

export { KIND_LABEL, HELPER_KIND } from './kinds';

/** What importing a compose file gives: a new design and what could not be mapped, or why not. */
export type ComposeImport =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

const MAX_WARNINGS = 200;
const COLUMN = 240;
const ROW = 180;

/**
 * Imports a compose file (`compose.yaml`, `docker-compose.yml`; version 1, 2, 3 or the Compose
 * Specification) as a new design. Pure and total: any text gives a design or a clear error, and
 * everything that could not be mapped is listed in `warnings`.
 */
export function importCompose(text: string, fileName = 'compose.yaml'): ComposeImport {
  // ids counted, not random: the same file imports to the same design
  return withCountedIds(() => importComposeText(text, fileName));
}

function importComposeText(text: string, fileName: string): ComposeImport {
  const warnings: string[] = [];
  const warn = (w: string) => {
    if (warnings.length < MAX_WARNINGS && !warnings.includes(w)) warnings.push(w);
  };
  const parsed = parseComposeYaml(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings };
  const services = serviceMap(parsed.root, warn);
  if (!services) return { ok: false, error: 'This is not a compose file: it has no "services:" mapping.', warnings };
  let names = Object.keys(services);
  if (names.length === 0) return { ok: false, error: 'The compose file has no services to import.', warnings };
  if (names.length > MAX_SERVICES) {
    warn(`Only the first ${MAX_SERVICES} of ${names.length} services were imported.`);
    names = names.slice(0, MAX_SERVICES);
  }

  const missing = new Set<string>();
  const resolved = resolveExtends(services, warn);
  const project = projectNameOf(parsed.root, fileName, missing);
  const design = emptyDesign(project);
  const imported: ImportedService[] = [];
  const taken = { dns: new Set<string>(), pkg: new Set<string>() };
  const hostPorts = new Set<number>();
  for (const name of names) {
    const svc = interpolateAll(resolved.get(name) ?? {}, missing) as Obj;
    const facts = readService(name, isObj(svc) ? svc : {}, warn);
    if (facts.labels[KIND_LABEL] === HELPER_KIND) continue; // a job an export added, made again on export
    const choice = chooseKind(facts, `${dnsLabel(project, 'project')}/${dnsLabel(name)}:dev`);
    for (const note of choice.notes) warn(`${name}: ${note}.`);
    const nodeName = freeNodeName(name, taken, warn);
    imported.push({ facts, kind: choice.kind, name: nodeName });
    design.nodes.push(makeNode(design, facts, choice.kind, choice.image, nodeName, imported.length, hostPorts, warn));
  }
  if (missing.size > 0)
    warn(
      `Variables with no default were left empty: ${[...missing].slice(0, 20).join(', ')} (the file is read without your environment or .env file).`,
    );
  noteUnmapped(imported, design, warn);
  placeNodes(design);

  let next = design;
  const byName = new Map(design.nodes.map((n) => [n.name, n]));
  for (const [i, plan] of planLinks(imported, warn).entries()) {
    const source = byName.get(plan.source);
    const target = byName.get(plan.target);
    if (!source || !target) continue;
    const r = connect(next, {
      source: source.id,
      target: target.id,
      kind: plan.kind,
      id: `l${i + 1}`,
      ...(plan.topic ? { topic: plan.topic } : {}),
    });
    if (!r.ok) {
      warn(`The link from ${source.name} to ${target.name} was left out: ${r.reason}`);
      continue;
    }
    next = r.design;
    const gp = plan.grpcPort;
    if (gp !== null && validPort(gp) && gp !== target.port)
      next = { ...next, nodes: next.nodes.map((n) => (n.id === target.id ? { ...n, grpcPort: gp } : n)) };
  }

  // the same validation as every other way in: what it repairs is reported too
  const checked = restore(JSON.parse(JSON.stringify(next)) as unknown);
  if (!checked.ok) return { ok: false, error: checked.error, warnings };
  return { ok: true, design: checked.design, warnings: [...warnings, ...checked.warnings] };
}

function projectNameOf(root: Obj, fileName: string, missing: Set<string>): string {
  const own = typeof root.name === 'string' ? (interpolateAll(root.name, missing) as string).trim() : '';
  if (own && !/[\u0000-\u001f\u007f]/.test(own)) return own.slice(0, 100);
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(ya?ml)$/i, '');
  const generic = /^(docker-)?compose([._-].*)?$/i.test(stem) || stem === '';
  return generic ? 'imported-system' : stem.slice(0, 100);
}

/** The service's own name when the designer accepts it, else a clean one that is free. */
function freeNodeName(name: string, taken: { dns: Set<string>; pkg: Set<string> }, warn: (w: string) => void): string {
  const isTaken = (n: string) => taken.dns.has(dnsLabel(n)) || taken.pkg.has(packageSegment(n));
  let out = name;
  if (nameProblem(name, []) || isTaken(name)) {
    const base = dnsLabel(name);
    out = base;
    for (let i = 2; isTaken(out) || nameProblem(out, []); i++) out = `${base}-${i}`;
    warn(`The service ${JSON.stringify(name.slice(0, 60))} is named ${out} in the design.`);
  } else if (dnsLabel(name) !== name) {
    warn(`The service ${name} is exported as ${dnsLabel(name)}, the DNS-safe form of its name.`);
  }
  taken.dns.add(dnsLabel(out));
  taken.pkg.add(packageSegment(out));
  return out;
}

function makeNode(
  design: Design,
  f: ComposeServiceFacts,
  kind: NodeKind,
  image: string | null,
  name: string,
  index: number,
  used: Set<number>,
  warn: (w: string) => void,
): DesignNode {
  const [first, ...more] = f.ports;
  const replicas = isRuntime(kind) ? (f.replicas ?? 1) : 1;
  // Kafka listens for the compose network on the node's port and advertises the same port on the
  // host (its published container port is a listener of its own), so a published port is its port
  let port =
    (kind === 'kafka' ? (first?.host ?? first?.container) : first?.container) ??
    f.expose[0] ??
    describeKind(kind).defaultPort;
  let grpcPort = isRuntime(kind) ? 50051 : 0;
  if (isRuntime(kind) && port === 50051) {
    // a service reached only over gRPC: that port serves gRPC, HTTP gets the runtime's own
    port = describeKind(kind).defaultPort;
  }
  let hostPort: number | undefined;
  if (!first) hostPort = 0;
  else if (first.host === null) {
    if (replicas === 1) {
      hostPort = 0;
      warn(`${name}: port ${first.container} was published on a random host port; the design keeps it internal.`);
    }
  } else if (used.has(first.host)) {
    hostPort = 0;
    warn(`${name}: host port ${first.host} is already published by another service; ${name} publishes none.`);
  } else {
    used.add(first.host);
    if (first.host !== port) hostPort = first.host;
  }
  const extra: string[] = [];
  const saysGrpc = /GRPC/i.test(f.env.map(([k]) => k).join(' '));
  const takesGrpc = (c: number) => isRuntime(kind) && c !== port && grpcPort === 50051 && (c === 50051 || saysGrpc);
  for (const p of more) {
    if (takesGrpc(p.container)) grpcPort = p.container;
    else extra.push(p.host === null ? String(p.container) : `${p.host}:${p.container}`);
  }
  // an exported file declares an unpublished service's ports under `expose`: HTTP, then gRPC
  for (const c of first ? f.expose : f.expose.slice(1)) if (takesGrpc(c)) grpcPort = c;
  if (extra.length > 0)
    warn(
      `${name}: only port ${port} is kept; ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not part of the design.`,
    );
  if (grpcPort === port) grpcPort = port === 50051 ? 50052 : 50051;
  if (kind === 'container' && !image) {
    if (f.build) image = `${dnsLabel(design.name, 'project')}-${dnsLabel(f.name)}`;
    else
      warn(`${name}: it names neither an image nor a build; it runs the placeholder image ${INFRA.container.image}.`);
  }
  const node: DesignNode = {
    id: `n${index}`,
    kind,
    name,
    position: { x: 0, y: 0 },
    port,
    grpcPort,
    replicas,
    env: f.env.slice(0, 200).map(([key, value]) => ({ key, value })),
    description: describe(f),
  };
  if (!isRuntime(kind) && replicas !== 1)
    warn(`${name}: ${replicas} replicas of ${describeKind(kind).label} are not modelled; it runs one.`);
  if (image) node.image = image;
  if (hostPort !== undefined) node.hostPort = hostPort;
  return node;
}

function describe(f: ComposeServiceFacts): string {
  const parts: string[] = [];
  if (f.image) parts.push(`image ${f.image}`);
  if (f.build) parts.push(`build ${f.build.context}${f.build.dockerfile ? ` (${f.build.dockerfile})` : ''}`);
  if (f.volumes.length) parts.push(`volumes ${f.volumes.join(', ')}`);
  if (f.networks.length) parts.push(`networks ${f.networks.join(', ')}`);
  if (f.profiles.length) parts.push(`profiles ${f.profiles.join(', ')}`);
  if (f.envFiles.length) parts.push(`env files ${f.envFiles.join(', ')}`);
  return `Imported from compose: ${parts.join('; ') || 'no settings'}.`.slice(0, 2000);
}

/** One warning per kind of thing the design has no place for. */
function noteUnmapped(services: readonly ImportedService[], design: Design, warn: (w: string) => void): void {
  const networks = new Set<string>();
  const profiled: string[] = [];
  for (const s of services) {
    const f = s.facts;
    for (const file of f.envFiles)
      warn(
        `${s.name}: the env file ${file} is not read (only the compose file is imported); add its variables in the inspector.`,
      );
    const stateful = isInfra(s.kind) && INFRA[s.kind].stateful;
    const volumes = f.volumes.filter((v) => !stateful || /^[./~]/.test(v));
    if (volumes.length > 0)
      warn(
        `${s.name}: volumes are not part of the design (${volumes.slice(0, 5).join(', ')}); they are noted in its description.`,
      );
    if (f.dropped.length > 0) warn(`${s.name}: not imported: ${f.dropped.slice(0, 10).join(', ')}.`);
    for (const n of f.networks) if (n !== 'default') networks.add(n);
    if (f.profiles.length > 0) profiled.push(s.name);
  }
  if (networks.size > 0)
    warn(
      `Networks (${[...networks].join(', ')}) are not part of the design: the exported project puts every service on one network.`,
    );
  if (profiled.length > 0) warn(`Services of compose profiles were imported like the others: ${profiled.join(', ')}.`);
  void design;
}

/** A layered grid: the edge on top, then services, brokers, databases; file order in each row. */
function placeNodes(design: Design): void {
  const layerOf = (n: DesignNode) => {
    const role = roleOf(n.kind);
    return role === 'gateway' || role === 'frontend' ? 0 : role === 'service' ? 1 : role === 'broker' ? 2 : 3;
  };
  const rows = [0, 1, 2, 3].map((l) => design.nodes.filter((n) => layerOf(n) === l)).filter((r) => r.length > 0);
  const perRow = 6;
  const widest = Math.max(1, ...rows.map((r) => Math.min(r.length, perRow)));
  let y = 80;
  for (const row of rows) {
    row.forEach((n, i) => {
      const inLine = Math.min(perRow, row.length - Math.floor(i / perRow) * perRow);
      const offset = ((widest - inLine) * COLUMN) / 2;
      n.position = { x: 80 + offset + (i % perRow) * COLUMN, y: y + Math.floor(i / perRow) * ROW };
    });
    y += Math.ceil(row.length / perRow) * ROW + ROW / 2;
  }
}
