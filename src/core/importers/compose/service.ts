import { LIMITS } from '../../model/restoreNode';
import type { Budget } from '../budget';
import { firstOf } from '../../model/text';
import type { ResourceLimits } from '../../model/types';
import { readLimits } from './limits';
import { asMapping, isObj, type Obj } from './parse';

/** One compose service reduced to what the design can hold, plus what it had to leave out. */
export interface ComposeServiceFacts {
  name: string;
  image: string | null;
  build: { context: string; dockerfile: string; args: string } | null;
  /** Published ports in file order; `host` null when compose picks a random host port. */
  ports: { host: number | null; container: number }[];
  expose: number[];
  env: [string, string][];
  labels: Obj;
  envFiles: string[];
  dependsOn: string[];
  volumes: string[];
  networks: string[];
  profiles: string[];
  replicas: number | null;
  /** CPU and memory limits (deploy.resources.limits, or cpus and mem_limit). */
  limits: ResourceLimits | null;
  /** Other names the service answers to on the network (container_name, hostname, aliases). */
  aliases: string[];
  /** Settings not carried into the design, by key. */
  dropped: string[];
}

const KNOWN = new Set([
  'image',
  'build',
  'ports',
  'expose',
  'environment',
  'env_file',
  'depends_on',
  'volumes',
  'networks',
  'profiles',
  'deploy',
  'scale',
  'cpus',
  'mem_limit',
  'container_name',
  'hostname',
  'labels',
  'links',
  'extends',
  'restart',
  'healthcheck',
  'logging',
  'platform',
  'init',
  'stop_grace_period',
  'tty',
  'stdin_open',
]);

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

function toPort(v: unknown): number | null {
  const s = str(v);
  if (s === null) return null;
  const m = /^(\d{1,5})(?:-\d{1,5})?$/.exec(s.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 65535 ? n : null;
}

/** A short-syntax port: `80`, `8080:80`, `127.0.0.1:8080:80/tcp`, `[::1]:6001:6001`, ranges. */
export function parseShortPort(spec: string): { host: number | null; container: number } | null {
  const noProto = spec.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  // an IPv6 host address is bracketed; drop it before splitting on colons
  const noIp6 = noProto.replace(/^\[[^\]]*\]:/, '');
  const parts = noIp6.split(':');
  const container = toPort(parts[parts.length - 1]);
  if (container === null || parts.length > 3) return null;
  if (parts.length === 1) return { host: null, container };
  const hostText = parts[parts.length - 2] ?? '';
  if (hostText === '') return { host: null, container };
  const host = toPort(hostText);
  return host === null ? null : { host, container };
}

/** Reads one service's mapping into facts; `warn` hears what could not be read. */
export function readService(name: string, svc: Obj, warn: (w: string) => void, budget: Budget): ComposeServiceFacts {
  const facts: ComposeServiceFacts = {
    name,
    image: str(svc.image)?.trim() || null,
    build: null,
    ports: [],
    expose: [],
    env: [],
    labels: asMapping(svc.labels),
    envFiles: [],
    dependsOn: [],
    volumes: [],
    networks: [],
    profiles: [],
    replicas: null,
    limits: null,
    aliases: [],
    dropped: Object.keys(svc).filter((k) => !KNOWN.has(k) && !k.startsWith('x-')),
  };

  if (typeof svc.build === 'string') facts.build = { context: svc.build, dockerfile: '', args: '' };
  else if (isObj(svc.build)) {
    const args = asMapping(svc.build.args);
    facts.build = {
      context: str(svc.build.context) ?? '.',
      dockerfile: str(svc.build.dockerfile) ?? '',
      // build arguments often name the toolchain (GO_VERSION, PYTHON_VERSION, NODE_VERSION)
      args: Object.entries(args)
        .map(([k, v]) => `${k} ${str(v) ?? ''}`)
        .join(' '),
    };
  }

  const ports = Array.isArray(svc.ports) ? svc.ports : svc.ports === undefined ? [] : [svc.ports];
  const unreadable: string[] = [];
  for (const p of ports) {
    let parsed: { host: number | null; container: number } | null = null;
    if (isObj(p)) {
      const container = toPort(p.target);
      const published =
        p.published === undefined || p.published === null || p.published === '' ? null : toPort(p.published);
      if (
        container !== null &&
        (published !== null || p.published === undefined || p.published === null || p.published === '')
      )
        parsed = { host: published, container };
    } else {
      const s = str(p);
      if (s !== null) parsed = parseShortPort(s);
    }
    if (parsed) facts.ports.push(parsed);
    else unreadable.push(JSON.stringify(p)?.slice(0, 60) ?? String(p));
  }
  if (unreadable.length > 0)
    warn(
      `${name}: ${unreadable.length === 1 ? 'the port' : `${unreadable.length} ports`} ${firstOf(unreadable)} could not be read and ${unreadable.length === 1 ? 'was' : 'were'} left out.`,
    );
  const expose = Array.isArray(svc.expose) ? svc.expose : [];
  for (const e of expose) {
    const p = toPort(str(e)?.replace(/\/(tcp|udp)$/i, ''));
    if (p !== null) facts.expose.push(p);
  }

  const environment = Object.entries(asMapping(svc.environment));
  budget.spend(
    'envEntries',
    environment.length,
    () => `The services set more than ${budget.limits.envEntries.toLocaleString('en-US')} environment variables`,
  );
  const badNames: string[] = [];
  const over: string[] = [];
  for (const [k, v] of environment) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
      badNames.push(JSON.stringify(k.slice(0, 40)));
      continue;
    }
    // a node holds a bounded environment; the rest is named in one warning
    if (facts.env.length >= LIMITS.envPerNode) {
      over.push(k);
      continue;
    }
    if (v === null || v === undefined) {
      warn(`${name}: ${k} takes its value from the host's environment; it was imported empty.`);
      facts.env.push([k, '']);
      continue;
    }
    const s = str(v);
    if (s === null) warn(`${name}: ${k} is not a plain value; it was imported empty.`);
    else if (s.length > 4000)
      warn(`${name}: the value of ${k} is ${s.length} characters long; only the first 4000 were imported.`);
    facts.env.push([k, (s ?? '').slice(0, 4000)]);
  }
  if (badNames.length > 0)
    warn(
      `${name}: ${badNames.length === 1 ? 'the environment variable' : `${badNames.length} environment variables`} ${firstOf(badNames)} ${badNames.length === 1 ? 'has a name a shell cannot use; it was' : 'have names a shell cannot use; they were'} left out.`,
    );
  if (over.length > 0)
    warn(
      `${name}: sets ${facts.env.length + over.length} environment variables, but a node holds ${LIMITS.envPerNode}; the first ${LIMITS.envPerNode} were imported, not ${firstOf(over)}.`,
    );

  const envFiles = Array.isArray(svc.env_file) ? svc.env_file : svc.env_file === undefined ? [] : [svc.env_file];
  for (const f of envFiles) {
    const path = isObj(f) ? str(f.path) : str(f);
    if (path) facts.envFiles.push(path);
  }

  // version 1 and 2 `links: [db, "cache:redis"]` order and connect like depends_on
  const links = Array.isArray(svc.links) ? svc.links.filter((l): l is string => typeof l === 'string') : [];
  const linked = links.map((l) => l.split(':')[0] ?? l);
  if (Array.isArray(svc.depends_on)) facts.dependsOn = svc.depends_on.filter((d): d is string => typeof d === 'string');
  else if (isObj(svc.depends_on)) facts.dependsOn = Object.keys(svc.depends_on);
  const waits = new Set(facts.dependsOn);
  for (const l of linked)
    if (!waits.has(l)) {
      waits.add(l);
      facts.dependsOn.push(l);
    }

  const volumes = Array.isArray(svc.volumes) ? svc.volumes : [];
  for (const v of volumes) {
    if (isObj(v)) {
      const source = str(v.source);
      const target = str(v.target) ?? '?';
      facts.volumes.push(source ? `${source}:${target}` : target);
    } else {
      const s = str(v);
      if (s) facts.volumes.push(s);
    }
  }

  if (Array.isArray(svc.networks)) facts.networks = svc.networks.filter((n): n is string => typeof n === 'string');
  else if (isObj(svc.networks)) {
    facts.networks = Object.keys(svc.networks);
    for (const cfg of Object.values(svc.networks))
      if (isObj(cfg) && Array.isArray(cfg.aliases))
        facts.aliases.push(...cfg.aliases.filter((a): a is string => typeof a === 'string'));
  }
  if (Array.isArray(svc.profiles)) facts.profiles = svc.profiles.filter((p): p is string => typeof p === 'string');
  for (const k of ['container_name', 'hostname'] as const) {
    const s = str(svc[k]);
    if (s) facts.aliases.push(s);
  }

  const deploy = isObj(svc.deploy) ? svc.deploy : {};
  const replicas =
    typeof deploy.replicas === 'number' ? deploy.replicas : typeof svc.scale === 'number' ? svc.scale : null;
  if (replicas !== null) {
    if (Number.isInteger(replicas) && replicas >= 0 && replicas <= 100) facts.replicas = replicas;
    else warn(`${name}: ${replicas} replicas is outside 0 to 100; it runs one.`);
  }
  facts.limits = readLimits(name, svc, warn);
  return facts;
}
