import { dnsLabel } from '../../model/naming';
import { dropExportedCredentialUrls } from './credentials';
import { restore } from '../../model/restore';
import { emptyDesign } from '../../model/types';
import type { Design } from '../../model/types';
import { validPort, withCountedIds } from '../../ops/ops';
import { ensureChannel } from '../../ops/links';
import { LinkBatch } from '../../ops/linkBatch';
import { Budget, IMPORT_LIMITS, ImportWarnings, LimitExceeded, type ImportLimits } from '../budget';
import { resolveExtends } from './extends';
import { HELPER_KIND, KIND_LABEL, chooseKind } from './kinds';
import { planLinks, type ImportedService } from './links';
import { freeNodeName, makeNode, noteUnmapped, placeNodes, projectNameOf } from './nodes';
import { interpolateAll, isObj, parseComposeYaml, serviceMap, type Obj } from './parse';
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
  const services = serviceMap(parsed.root, warn);
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

  const missing = new Set<string>();
  // only the imported services (and the services they extend) are resolved
  const resolved = resolveExtends(services, names, budget, warn);
  const project = projectNameOf(parsed.root, fileName, missing);
  const design = emptyDesign(project);
  const imported: ImportedService[] = [];
  const taken = { dns: new Set<string>(), pkg: new Set<string>() };
  const hostPorts = new Set<number>();
  for (const name of names) {
    const svc = interpolateAll(resolved.get(name) ?? {}, missing) as Obj;
    const facts = readService(name, isObj(svc) ? svc : {}, warn, budget);
    if (facts.labels[KIND_LABEL] === HELPER_KIND) continue; // a job an export added, made again on export
    const choice = chooseKind(facts, `${dnsLabel(project, 'project')}/${dnsLabel(name)}:dev`);
    for (const note of choice.notes) warn(`${name}: ${note}.`);
    const nodeName = freeNodeName(name, taken, warn);
    imported.push({ facts, kind: choice.kind, name: nodeName });
    design.nodes.push(makeNode(design, facts, choice.kind, choice.image, nodeName, imported.length, hostPorts, warn));
  }
  if (missing.size > 0)
    warn(
      `Variables with no default were left empty: ${[...missing].slice(0, 20).join(', ')}${missing.size > 20 ? ` and ${missing.size - 20} more` : ''} (the file is read without your environment or .env file).`,
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

  // the same validation as every other way in: what it repairs is reported too
  const checked = restore(JSON.parse(JSON.stringify(dropExportedCredentialUrls(withChannels))) as unknown);
  if (!checked.ok) return { ok: false, error: checked.error, warnings: [] };
  return { ok: true, design: checked.design, warnings: checked.warnings };
}
