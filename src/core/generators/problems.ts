import { RUNTIMES, isRuntime } from '../catalog/catalog';
import { CONTRACT_PATHS, designContracts } from '../model/contracts';
import { httpPath, packageSegment } from '../model/naming';
import { publishedPort, type Design } from '../model/types';
import { wireServices } from '../model/wiring';
import { exportedServices } from './proto/layout';
import type { GeneratedFile } from './types';
import { LONE_SURROGATE } from '../model/text';
import { yamlTextProblems } from './yaml';
import { runSteps, type Steps } from '../steps';

/**
 * What stands between a design and an export that builds, starts and talks. Errors block the
 * export (the UI disables its button, the CLI exits 1); warnings are shown but do not block.
 */
export interface ExportProblem {
  severity: 'error' | 'warning';
  /** The node to select when the user clicks the problem. */
  nodeId?: string;
  /** The link to select when the user clicks the problem. */
  linkId?: string;
  /** What is wrong and where, by node names. */
  message: string;
}

/** "a", "a and b", "a, b and c". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Groups items by a key, keeping design order inside each group and across groups. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = m.get(k);
    if (g) g.push(it);
    else m.set(k, [it]);
  }
  return [...m.values()];
}

const both = (n: number) => (n === 2 ? 'both' : 'all');

/**
 * Java's reserved words and literals: protoc's Java generator writes an enum value as a constant
 * spelled as in the .proto (seen with protoc 3.21 and 36.2), so an enum value spelled like one of
 * these cannot compile in a Java service.
 */
const JAVA_RESERVED = new Set(
  (
    'abstract assert boolean break byte case catch char class const continue default do double else enum ' +
    'extends final finally float for goto if implements import instanceof int interface long native new ' +
    'package private protected public return short static strictfp super switch synchronized this throw ' +
    'throws transient try void volatile while true false null _'
  ).split(' '),
);

/**
 * The problems that keep a design from exporting correctly, in a stable order: node problems in
 * design order, then link problems in design order. An empty design has none.
 */
export function exportProblems(design: Design): ExportProblem[] {
  return runSteps(exportProblemSteps(design));
}

/** `exportProblems` in steps: broken text, the nodes, the contracts (in several), the links. */
export function* exportProblemSteps(design: Design): Steps<ExportProblem[]> {
  const out = brokenTextProblems(design);
  yield;
  out.push(...nodeProblems(design));
  yield;
  out.push(...(yield* contractProblems(design)));
  yield;
  out.push(...linkProblems(design));
  return out;
}

/**
 * Text that no file can carry: an unpaired UTF-16 surrogate is not Unicode, so no reader could
 * read it back. Loading a file repairs such text with a warning; this catches any other way in.
 */
function brokenTextProblems(design: Design): ExportProblem[] {
  const out: ExportProblem[] = [];
  const broken = (s: string) => LONE_SURROGATE.test(s);
  const say = (where: string) => `${where} holds a broken character (an unpaired UTF-16 surrogate); retype it.`;
  if (broken(design.name)) out.push({ severity: 'error', message: say('The project name') });
  for (const n of design.nodes) {
    const texts: [string, string][] = [
      ['name', n.name],
      ['description', n.description],
      ['image', n.image ?? ''],
      ...n.env.flatMap((e): [string, string][] => [
        [`environment variable ${e.key}`, e.key],
        [`environment variable ${e.key}`, e.value],
      ]),
    ];
    const bad = texts.find(([, t]) => broken(t));
    if (bad) out.push({ severity: 'error', nodeId: n.id, message: say(`The ${bad[0]} of ${n.name}`) });
  }
  for (const l of design.links)
    if (broken(l.topic)) out.push({ severity: 'error', linkId: l.id, message: say('The topic of a link') });
  for (const n of design.nodes) {
    const api = n.api;
    const texts = [
      ...(api?.rest ?? []).flatMap((e) => [e.path, ...e.params.map((p) => p.name)]),
      ...(api?.grpc ?? []).flatMap((g) => [g.name ?? '', g.package ?? '', ...g.rpcs.map((r) => r.name)]),
      ...(n.channels ?? []).map((c) => c.topic),
    ];
    if (texts.some(broken))
      out.push({ severity: 'error', nodeId: n.id, message: say(`A name, path or topic of the API of ${n.name}`) });
  }
  for (const t of design.types) {
    const texts = [t.name, t.package ?? '', ...(t.kind === 'message' ? t.fields : t.values).map((f) => f.name)];
    if (texts.some(broken)) out.push({ severity: 'error', message: say(`A name in the type ${t.name}`) });
  }
  return out;
}

/**
 * The generated YAML files checked by the rule every reader agrees on (Go's yaml.v3 and yaml.v2,
 * PyYAML, YAML 1.1 and 1.2; see `generators/yaml`): an error for each file that breaks it, which
 * would mean a bug in a generator. The command line's `export` and `--check` run it.
 */
export function generatedFileProblems(files: readonly GeneratedFile[]): ExportProblem[] {
  const out: ExportProblem[] = [];
  for (const f of files) {
    // Helm templates are Go templates, YAML only once rendered (the lint gate renders them)
    if (!/\.ya?ml$/.test(f.path) || f.path.startsWith('helm/templates/')) continue;
    const found = yamlTextProblems(f.content, 6);
    if (found.length === 0) continue;
    const more = found.length > 5 ? `, and more` : '';
    out.push({
      severity: 'error',
      message: `${f.path} would not read the same in every YAML reader: ${found.slice(0, 5).join('; ')}${more}.`,
    });
  }
  return out;
}

/** The variables every stub sets for itself: a user's own would clash with them. */
const STUB_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['PORT', 'its HTTP port'],
  ['GRPC_PORT', 'its gRPC port'],
  ['SERVICE_NAME', 'its name in the ping tree'],
]);

/**
 * What the contracts stand in the way of: a Java reserved word as an enum value, a variable the
 * stub sets itself, names two contracts cannot share (a gRPC service's or a type's full name), a
 * REST path empty or taken by the service contract. In steps: the contracts' types first, then
 * between these checks.
 */
function* contractProblems(design: Design): Steps<ExportProblem[]> {
  // the contracts' types, worked out in steps here the first time (the generators reuse them)
  yield* designContracts(design).universeSteps();
  const out: ExportProblem[] = [];
  const java = design.nodes.filter((n) => n.kind === 'java-spring');
  if (java.length)
    for (const t of design.types)
      for (const v of t.kind === 'enum' ? t.values : [])
        if (JAVA_RESERVED.has(v.name))
          out.push({
            severity: 'warning',
            nodeId: java[0]?.id,
            message: `The enum ${t.name} has a value ${v.name}, a Java reserved word that protoc's Java generator keeps as the constant's name: ${listNames(java.map((n) => n.name))} would not compile. Rename the value (its name is its JSON form too).`,
          });
  for (const w of wireServices(design))
    for (const e of w.node.env) {
      const what = STUB_VARIABLES.get(e.key);
      if (what)
        out.push({
          severity: 'error',
          nodeId: w.node.id,
          message: `${w.node.name} sets ${e.key}, which its stub sets itself (${what}); the service would not start as configured. Remove it, or change the port in the inspector.`,
        });
    }
  yield;
  for (const g of groupBy(exportedServices(design), (s) => s.fullName)) {
    const last = g[g.length - 1];
    if (g.length < 2 || !last) continue;
    out.push({
      severity: 'error',
      nodeId: last.node.id,
      message: `${listNames([...new Set(g.map((s) => s.node.name))])} ${both(g.length)} serve the gRPC service ${last.fullName}; give one another name or package.`,
    });
  }
  yield;
  for (const g of groupBy(designContracts(design).universe.types, (t) => t.names.full)) {
    const last = g[g.length - 1];
    if (g.length < 2 || !last) continue;
    out.push({
      severity: 'error',
      message: `${g.length} types are named ${last.names.full}; rename one, or move it to another package.`,
    });
  }
  yield;
  for (const n of design.nodes)
    for (const e of n.api?.rest ?? []) {
      const path = httpPath(e.path);
      if (e.path.trim() === '')
        out.push({
          severity: 'error',
          nodeId: n.id,
          message: `A ${e.method} endpoint of ${n.name} has an empty path.`,
        });
      else if (CONTRACT_PATHS.includes(path))
        out.push({
          severity: 'warning',
          nodeId: n.id,
          message: `${e.method} ${path} on ${n.name} belongs to the service contract; the declared one is skipped.`,
        });
    }
  return out;
}

function nodeProblems(design: Design): ExportProblem[] {
  const out: ExportProblem[] = [];
  // Each node publishes its port on the host (compose `ports:`), so two cannot share one. A
  // replicated service is the exception: its replicas cannot share a host port, so compose
  // publishes it on an ephemeral one.
  const publishing = design.nodes.filter((n) => (!isRuntime(n.kind) || n.replicas === 1) && publishedPort(n) !== null);
  for (const g of groupBy(publishing, (n) => String(publishedPort(n)))) {
    const last = g[g.length - 1];
    if (g.length < 2 || !last) continue;
    out.push({
      severity: 'error',
      nodeId: last.id,
      message: `${listNames(g.map((n) => n.name))} ${both(g.length)} publish host port ${publishedPort(last)}; give each its own port.`,
    });
  }
  const services = design.nodes.filter((n) => isRuntime(n.kind));
  const servesGrpc = new Set(design.links.filter((l) => l.kind === 'grpc').map((l) => l.target));
  for (const n of services) {
    if (servesGrpc.has(n.id) && n.port === n.grpcPort)
      out.push({
        severity: 'error',
        nodeId: n.id,
        message: `${n.name} serves HTTP and gRPC on the same port ${n.port}; give gRPC its own port.`,
      });
  }
  // The proto package, the Go module and the Java package of a service come from this segment.
  for (const g of groupBy(services, (n) => packageSegment(n.name))) {
    const last = g[g.length - 1];
    if (g.length < 2 || !last) continue;
    out.push({
      severity: 'error',
      nodeId: last.id,
      message: `${listNames(g.map((n) => n.name))} ${both(g.length)} become the package name "${packageSegment(last.name)}"; rename one so their code and contracts do not collide.`,
    });
  }
  return out;
}

function linkProblems(design: Design): ExportProblem[] {
  const out: ExportProblem[] = [];
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const published = new Set(
    design.links.filter((l) => l.kind === 'queue' && l.topic.trim()).map((l) => `${l.target} ${l.topic.trim()}`),
  );
  for (const link of design.links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) continue;
    const where = `${source.name} → ${target.name}`;
    const at = (severity: ExportProblem['severity'], message: string) =>
      out.push({ severity, linkId: link.id, message });
    if (link.kind === 'grpc' && !(isRuntime(target.kind) && RUNTIMES[target.kind].grpc))
      at('error', `${target.name} cannot serve gRPC, so the gRPC link ${where} cannot work; use REST.`);
    if ((link.kind === 'grpc' || link.kind === 'rest') && isRuntime(target.kind) && RUNTIMES[target.kind].tier === 2)
      at(
        'warning',
        `${target.name} (${RUNTIMES[target.kind].label}) has no runnable stub yet, so the call ${where} fails until someone implements it.`,
      );
    if (link.kind === 'queue') {
      if (link.topic.trim() === '') at('error', `The queue link ${where} has no topic.`);
      else if (isRuntime(target.kind) && !published.has(`${source.id} ${link.topic.trim()}`))
        at(
          'warning',
          `${target.name} consumes "${link.topic.trim()}" from ${source.name}, but no service publishes it.`,
        );
    }
  }
  return out;
}

/** Whether any problem blocks the export. */
export function hasExportErrors(problems: readonly ExportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
