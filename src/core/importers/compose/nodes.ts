import { INFRA, describeKind, isInfra, isRuntime, roleOf, type NodeKind } from '../../catalog/catalog';
import { dnsLabel, nameProblem, packageSegment } from '../../model/naming';
import { firstOf } from '../../model/text';
import type { Design, DesignNode } from '../../model/types';
import type { ImportedService } from './links';
import { interpolateAll, type Obj } from './parse';
import type { ComposeServiceFacts } from './service';

/**
 * From compose services to design nodes: names the designer accepts, ports, images, the
 * description of what the design has no place for, and a first layout.
 */

const COLUMN = 240;
const ROW = 180;

export function projectNameOf(root: Obj, fileName: string, missing: Set<string>): string {
  const own = typeof root.name === 'string' ? (interpolateAll(root.name, missing) as string).trim() : '';
  if (own && !/[\u0000-\u001f\u007f]/.test(own)) return own.slice(0, 100);
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(ya?ml)$/i, '');
  const generic = /^(docker-)?compose([._-].*)?$/i.test(stem) || stem === '';
  return generic ? 'imported-system' : stem.slice(0, 100);
}

/** The service's own name when the designer accepts it, else a clean one that is free. */
export function freeNodeName(
  name: string,
  taken: { dns: Set<string>; pkg: Set<string> },
  warn: (w: string) => void,
): string {
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

export function makeNode(
  design: Design,
  f: ComposeServiceFacts,
  kind: NodeKind,
  image: string | null,
  name: string,
  index: number,
  used: Set<number>,
  warn: (w: string) => void,
  keep = false,
): DesignNode {
  // a kept entry is exported with its ports as written: only the design's picture differs
  const asWritten = keep ? ' (the exported compose file keeps its ports as written)' : '';
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
      warn(
        `${name}: port ${first.container} was published on a random host port; the design shows it internal${asWritten}.`,
      );
    }
  } else if (used.has(first.host)) {
    hostPort = 0;
    warn(
      `${name}: host port ${first.host} is already published by another service; in the design ${name} publishes none${asWritten}.`,
    );
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
      keep
        ? `${name}: the design shows port ${port}; ${firstOf(extra)} ${extra.length === 1 ? 'is' : 'are'} kept in the exported compose file as written, but not in the Kubernetes manifests.`
        : `${name}: only port ${port} is kept; ${firstOf(extra)} ${extra.length === 1 ? 'is' : 'are'} not part of the design.`,
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
    env: f.env.map(([key, value]) => ({ key, value })),
    description: describe(f),
  };
  if (!isRuntime(kind) && (f.replicas ?? 1) !== 1)
    warn(
      keep
        ? `${name}: ${f.replicas} replicas of ${describeKind(kind).label} are not modelled; the compose file keeps them as written, the Kubernetes manifests run one.`
        : `${name}: ${f.replicas} replicas of ${describeKind(kind).label} are not modelled; it runs one.`,
    );
  if (image) node.image = image;
  if (hostPort !== undefined) node.hostPort = hostPort;
  if (f.limits) node.limits = f.limits;
  return node;
}

function describe(f: ComposeServiceFacts): string {
  const parts: string[] = [];
  if (f.image) parts.push(`image ${f.image}`);
  if (f.build) parts.push(`build ${f.build.context}${f.build.dockerfile ? ` (${f.build.dockerfile})` : ''}`);
  if (f.volumes.length) parts.push(`volumes ${firstOf(f.volumes, 10)}`);
  if (f.networks.length) parts.push(`networks ${firstOf(f.networks, 10)}`);
  if (f.profiles.length) parts.push(`profiles ${firstOf(f.profiles, 10)}`);
  if (f.envFiles.length) parts.push(`env files ${firstOf(f.envFiles, 10)}`);
  return `Imported from compose: ${parts.join('; ') || 'no settings'}.`.slice(0, 2000);
}

/** One warning per kind of thing the design has no place for, and what is kept as written. */
export function noteUnmapped(services: readonly ImportedService[], design: Design, warn: (w: string) => void): void {
  const networks = new Set<string>();
  const profiled: string[] = [];
  const kept: string[] = [];
  for (const s of services) {
    const f = s.facts;
    if (s.keep) {
      kept.push(s.name);
      if (f.build)
        warn(
          `${s.name}: keeps its own build (context ${f.build.context}${f.build.dockerfile ? `, Dockerfile ${f.build.dockerfile}` : ''}${f.image ? `, image ${f.image}` : ''}); the export writes it back as it was and generates no stub over it.`,
        );
      for (const file of f.envFiles)
        warn(
          `${s.name}: the env file ${file} is not read into the design; the exported compose file still names it, so keep it next to compose.yaml.`,
        );
      continue;
    }
    for (const file of f.envFiles)
      warn(
        `${s.name}: the env file ${file} is not read (only the compose file is imported); add its variables in the inspector.`,
      );
    const stateful = isInfra(s.kind) && INFRA[s.kind].stateful;
    const volumes = f.volumes.filter((v) => !stateful || /^[./~]/.test(v));
    if (volumes.length > 0)
      warn(
        `${s.name}: volumes are not part of the design (${firstOf(volumes, 5)}); they are noted in its description.`,
      );
    if (f.dropped.length > 0) warn(`${s.name}: not imported: ${firstOf(f.dropped, 10)}.`);
    for (const n of f.networks) if (n !== 'default') networks.add(n);
    if (f.profiles.length > 0) profiled.push(s.name);
  }
  if (kept.length > 0)
    warn(
      `Every setting of ${firstOf(kept, 10)} (build, command, restart, profiles, healthcheck, volumes, networks, labels…) is kept as written and exported unchanged; what the design shows (image, ports, environment, replicas) follows your edits.`,
    );
  if (networks.size > 0)
    warn(
      `Networks (${firstOf([...networks], 10)}) are not part of the design: the exported project puts every service on one network.`,
    );
  if (profiled.length > 0)
    warn(`Services of compose profiles were imported like the others: ${firstOf(profiled, 10)}.`);
  void design;
}

/** A layered grid: the edge on top, then services, brokers, databases; file order in each row. */
export function placeNodes(design: Design): void {
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
