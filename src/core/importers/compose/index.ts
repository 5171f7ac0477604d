import { dnsLabel } from '../../model/naming';
import { dropExportedCredentialUrls } from './credentials';
import { restore } from '../../model/restore';
import { emptyDesign } from '../../model/types';
import type { Design, NodeOrigin } from '../../model/types';
import { validPort, withCountedIds } from '../../ops/ops';
import { ensureChannel } from '../../ops/links';
import { LinkBatch } from '../../ops/linkBatch';
import { Budget, IMPORT_LIMITS, ImportWarnings, LimitExceeded, type ImportLimits } from '../budget';
import { resolveExtends } from './extends';
import { HELPER_KIND, KIND_LABEL, chooseKind } from './kinds';
import { planLinks, type ImportedService } from './links';
import { freeNodeName, makeNode, noteUnmapped, placeNodes, projectNameOf } from './nodes';
import { interpolateAll, isObj, parseComposeYaml, put, serviceMap, type Obj } from './parse';
import { readService } from './service';

export { KIND_LABEL, HELPER_KIND } from './kinds';

/** What importing a compose file gives: a new design and what could not be mapped, or why not. */
export type ComposeImport =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/**
 * Imports a compose file (`compose.yaml`, `docker-compose.yml`; version 1, 2, 3 or the Compose
 * Specification) as a new design. Pure and total: any text gives a design or a clear error, and
 * everything that could not be mapped is listed in `warnings`. Every step takes time linear (or
 * n·log n) in the file, and the work is bounded by `limits`: a file that would pass one is refused
 * with a message that names it.
 */
export function importCompose(
  text: string,
  fileName = 'compose.yaml',
  limits: Readonly<ImportLimits> = IMPORT_LIMITS,
): ComposeImport {
  const warnings = new ImportWarnings(limits.warnings);
  try {
    // ids counted, not random: the same file imports to the same design
    const r = withCountedIds(() => importWithin(text, fileName, new Budget(limits), warnings.add));
    return r.ok ? { ...r, warnings: [...warnings.all(), ...r.warnings] } : { ...r, warnings: warnings.all() };
  } catch (e) {
    if (e instanceof LimitExceeded) return { ok: false, error: e.message, warnings: warnings.all() };
    if (e instanceof RangeError)
      return { ok: false, error: 'The file nests its values too deeply to be imported.', warnings: warnings.all() };
    throw e;
  }
}

function importWithin(text: string, fileName: string, budget: Budget, warn: (w: string) => void): ComposeImport {
  const parsed = parseComposeYaml(text, budget);
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: [] };
  return importComposeRoot(parsed.root, fileName, budget, warn, { keepOrigin: true });
}

/** How a parsed file becomes a design. */
export interface RootOptions {
  /**
   * Keep every service's entry on its node (`origin`) and the file's top-level keys, so that
   * export writes them back; false for input that is not a compose file (Kubernetes manifests).
   */
  keepOrigin: boolean;
  /**
   * Per service, the variables whose values are secrets (read from a Kubernetes Secret). Without
   * it, a service of a file this app exported has as secrets the variables it reads from `.env`.
   */
  secrets?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A parsed compose document (or one made from other input) as a design. */
export function importComposeRoot(
  root: Obj,
  fileName: string,
  budget: Budget,
  warn: (w: string) => void,
  options: RootOptions,
): ComposeImport {
  const services = serviceMap(root, warn);
  if (!services)
    return { ok: false, error: 'This is not a compose file: it has no "services:" mapping.', warnings: [] };
  let names = Object.keys(services);
  if (names.length === 0) return { ok: false, error: 'The compose file has no services to import.', warnings: [] };
  const max = budget.limits.services;
  if (names.length > max) {
    warn(
      `The file has ${names.length.toLocaleString('en-US')} services; only the first ${max.toLocaleString('en-US')} were imported (the import limit on services), not ${names
        .slice(max, max + 3)
        .join(', ')}${names.length > max + 3 ? ` and ${(names.length - max - 3).toLocaleString('en-US')} more` : ''}.`,
    );
    names = names.slice(0, max);
  }

  if (options.keepOrigin && root.version !== undefined)
    warn(
      `The top-level version: ${JSON.stringify(root.version)} was left out: the Compose Specification made it obsolete, and docker compose ignores it.`,
    );
  const missing = new Set<string>();
  // only the imported services (and the services they extend) are resolved
  const resolved = resolveExtends(services, names, budget, warn);
  const project = projectNameOf(root, fileName, missing);
  const design = emptyDesign(project);
  const imported: ImportedService[] = [];
  const taken = { dns: new Set<string>(), pkg: new Set<string>() };
  const hostPorts = new Set<number>();
  const origins = new Map<string, Obj>();
  const fileNames = new Map<string, string>();
  const resolvedOf = new Map<string, Obj>();
  for (const name of names) {
    const raw = resolved.get(name) ?? {};
    const svc = interpolateAll(raw, missing) as Obj;
    const facts = readService(name, isObj(svc) ? svc : {}, warn, budget);
    if (facts.labels[KIND_LABEL] === HELPER_KIND) continue; // a job an export added, made again on export
    // a file this app exported is the design's own output: the design is its truth
    const keep = options.keepOrigin && facts.labels[KIND_LABEL] === undefined;
    const choice = chooseKind(facts, `${dnsLabel(project, 'project')}/${dnsLabel(name)}:dev`, keep);
    for (const note of choice.notes) warn(`${name}: ${note}.`);
    const nodeName = freeNodeName(name, taken, warn);
    imported.push({ facts, kind: choice.kind, name: nodeName, keep });
    const node = makeNode(design, facts, choice.kind, choice.image, nodeName, imported.length, hostPorts, warn, keep);
    const secretKeys =
      options.secrets?.get(name) ?? (facts.labels[KIND_LABEL] !== undefined ? readFromDotenv(raw) : null);
    if (secretKeys) for (const e of node.env) if (secretKeys.has(e.key)) e.secret = true;
    design.nodes.push(node);
    if (keep) {
      origins.set(node.id, ownEntry(services[name], raw));
      resolvedOf.set(node.id, raw);
    }
    fileNames.set(name, dnsLabel(nodeName));
  }
  // the exported file names each service by its node's DNS name: references follow a rename
  for (const [id, entry] of origins) origins.set(id, renameReferences(entry, fileNames, resolvedOf.get(id) ?? entry));
  if (missing.size > 0)
    warn(
      `Variables with no default were left empty in the design: ${[...missing].slice(0, 20).join(', ')}${missing.size > 20 ? ` and ${missing.size - 20} more` : ''} (the file is read without your environment or .env file)${options.keepOrigin ? '; the exported compose file keeps them as written' : ''}.`,
    );
  noteUnmapped(imported, design, warn);
  placeNodes(design);

  const batch = new LinkBatch(design);
  const byName = new Map(design.nodes.map((n) => [n.name, n]));
  for (const [i, plan] of planLinks(imported, warn, budget.limits.links).entries()) {
    const source = byName.get(plan.source);
    const target = byName.get(plan.target);
    if (!source || !target) continue;
    const r = batch.add({ source: source.id, target: target.id, kind: plan.kind, id: `l${i + 1}` });
    if (!r.ok) {
      warn(`The link from ${source.name} to ${target.name} was left out: ${r.reason}`);
      continue;
    }
    if (plan.topic) r.link.topic = plan.topic;
    batch.note(r.link);
    const gp = plan.grpcPort;
    if (gp !== null && validPort(gp) && gp !== target.port) target.grpcPort = gp;
  }
  design.links = batch.links;
  // every topic is a channel of its broker, with a starter message
  let withChannels: Design = design;
  for (const link of design.links) if (link.kind === 'queue') withChannels = ensureChannel(withChannels, link);

  const cleaned = dropExportedCredentialUrls(withChannels);
  const final = options.keepOrigin ? withOrigins(cleaned, origins, root) : cleaned;
  // the same validation as every other way in: what it repairs is reported too
  const checked = restore(JSON.parse(JSON.stringify(final)) as unknown);
  if (!checked.ok) return { ok: false, error: checked.error, warnings: [] };
  return { ok: true, design: checked.design, warnings: checked.warnings };
}

/**
 * The variables of an exported service that are a value from `.env` and nothing else
 * (`${ORDERS__STRIPE_KEY}`, `${ORDERS_DB_PASSWORD:?…}`): the export writes secrets so, and every
 * value of the user's own with a `$` in it as `$$`.
 */
function readFromDotenv(service: Obj): Set<string> {
  const env = service.environment;
  const entries: [string, unknown][] = Array.isArray(env)
    ? env
        .filter((x): x is string => typeof x === 'string' && x.includes('='))
        .map((x) => {
          const i = x.indexOf('=');
          return [x.slice(0, i), x.slice(i + 1)];
        })
    : isObj(env)
      ? Object.entries(env)
      : [];
  const only = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:\?[^}]*)?\}$/;
  return new Set(entries.filter(([, v]) => typeof v === 'string' && only.test(v)).map(([k]) => k));
}

/**
 * The entry a node keeps: as written, `extends` included (its base is exported too, or is
 * another file compose reads on export, as it did), else as resolved.
 */
function ownEntry(written: unknown, resolved: Obj): Obj {
  return isObj(written) ? written : resolved;
}

/**
 * An entry whose `depends_on`, `links` and `extends` name services by their exported names. An
 * `extends` of a service that was renamed is resolved (`resolved`), since the base is exported
 * under another name.
 */
function renameReferences(entry: Obj, names: ReadonlyMap<string, string>, resolved: Obj): Obj {
  const renamed = (n: string) => names.get(n) ?? n;
  if ([...names].every(([a, b]) => a === b)) return entry;
  const ext = entry.extends;
  const base =
    typeof ext === 'string'
      ? ext
      : isObj(ext) && typeof ext.service === 'string' && ext.file === undefined
        ? ext.service
        : null;
  const out: Obj = base !== null && renamed(base) !== base ? { ...resolved } : { ...entry };
  const deps = out.depends_on;
  if (Array.isArray(deps)) out.depends_on = deps.map((d) => (typeof d === 'string' ? renamed(d) : d));
  else if (isObj(deps)) {
    const map: Obj = {};
    for (const [k, v] of Object.entries(deps)) put(map, renamed(k), v);
    out.depends_on = map;
  }
  if (Array.isArray(out.links))
    out.links = out.links.map((l) => {
      if (typeof l !== 'string') return l;
      const [svc = '', alias] = l.split(':');
      return alias === undefined ? renamed(svc) : `${renamed(svc)}:${alias}`;
    });
  return out;
}

/** The design with every kept entry on its node and the file's own top-level keys. */
function withOrigins(design: Design, origins: ReadonlyMap<string, Obj>, root: Obj): Design {
  const nodes = design.nodes.map((n) => {
    const compose = origins.get(n.id);
    if (!compose) return n;
    const imported: NodeOrigin['imported'] = {
      port: n.port,
      replicas: n.replicas,
      env: n.env.map((e) => ({ ...e })),
      links: design.links.filter((l) => l.source === n.id || l.target === n.id).map((l) => l.id),
    };
    if (n.image !== undefined) imported.image = n.image;
    if (n.hostPort !== undefined) imported.hostPort = n.hostPort;
    if (n.limits) imported.limits = { ...n.limits };
    return { ...n, origin: { compose, imported } };
  });
  const top: Obj = {};
  for (const [k, v] of Object.entries(root)) if (k !== 'services' && k !== 'name' && k !== 'version') put(top, k, v);
  return Object.keys(top).length > 0 ? { ...design, nodes, composeTop: top } : { ...design, nodes };
}
