import { RUNTIMES, isRuntime } from '../catalog/catalog';
import { CONTRACT_PATHS, contractFields } from '../model/contracts';
import { httpPath, packageSegment, rpcName } from '../model/naming';
import { publishedPort, type Design, type DesignNode, type Field } from '../model/types';
import type { GeneratedFile } from './types';
import { LONE_SURROGATE } from '../model/text';
import { yamlTextProblems } from './yaml';

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

/** A canonical text of a field list as the generators see it, to compare two declarations. */
function shape(request: readonly Field[], response: readonly Field[]): string {
  const f = (fs: readonly Field[]) =>
    contractFields(fs)
      .map((c) => `${c.name}:${c.type}`)
      .join(',');
  return `${f(request)}|${f(response)}`;
}

const both = (n: number) => (n === 2 ? 'both' : 'all');

/**
 * The problems that keep a design from exporting correctly, in a stable order: node problems in
 * design order, then link problems in design order. An empty design has none.
 */
export function exportProblems(design: Design): ExportProblem[] {
  return [...brokenTextProblems(design), ...nodeProblems(design), ...linkProblems(design)];
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
  for (const l of design.links) {
    const texts = [
      l.topic,
      ...l.endpoints.flatMap((e) => [e.path, ...[...e.request, ...e.response].map((f) => f.name)]),
      ...l.rpcs.flatMap((r) => [r.name, ...[...r.request, ...r.response].map((f) => f.name)]),
      ...l.message.map((f) => f.name),
    ];
    if (texts.some(broken)) out.push({ severity: 'error', linkId: l.id, message: say('A name or path of a link') });
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
  const seenEndpoint = new Map<string, { shape: string; from: DesignNode }>();
  const seenRpc = new Map<string, { shape: string; from: DesignNode }>();
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
    if (link.kind === 'rest') {
      for (const e of link.endpoints) {
        if (e.path.trim() === '') {
          at('error', `A ${e.method} endpoint of ${where} has an empty path.`);
          continue;
        }
        const path = httpPath(e.path);
        if (CONTRACT_PATHS.includes(path)) {
          at(
            'warning',
            `${e.method} ${path} on ${target.name} belongs to the service contract; the declared one is skipped.`,
          );
          continue;
        }
        const key = `${target.id} ${e.method} ${path}`;
        const s = shape(e.method === 'GET' || e.method === 'DELETE' ? [] : e.request, e.response);
        const prev = seenEndpoint.get(key);
        if (!prev) seenEndpoint.set(key, { shape: s, from: source });
        else if (prev.shape !== s)
          at(
            'warning',
            `${e.method} ${path} on ${target.name} is declared with different fields by ${prev.from.name} and ${source.name}; the first declaration is used.`,
          );
      }
    }
    if (link.kind === 'grpc') {
      for (const r of link.rpcs) {
        if (r.name.trim() === '') {
          at('error', `An RPC of ${where} has an empty name.`);
          continue;
        }
        const name = rpcName(r.name);
        const key = `${target.id} ${name === 'Ping' ? 'PingCall' : name}`;
        const s = shape(r.request, r.response);
        const prev = seenRpc.get(key);
        if (!prev) seenRpc.set(key, { shape: s, from: source });
        else if (prev.shape !== s)
          at(
            'warning',
            `The RPC ${name} of ${target.name} is declared with different fields by ${prev.from.name} and ${source.name}; the first declaration is used.`,
          );
      }
    }
  }
  return out;
}

/** Whether any problem blocks the export. */
export function hasExportErrors(problems: readonly ExportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
