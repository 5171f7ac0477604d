import Ajv from 'ajv';
import { parse, parseDocument, visit } from 'yaml';
import schemaText from '../../../../test/schemas/compose-spec.json?raw';
import { yamlTextProblems } from '../yaml';

/**
 * The checks every generated compose.yaml must pass, shared by the example and property tests:
 * the Compose Specification's schema plus what the schema cannot say (references, cycles,
 * unique host ports, string environment values).
 */

const schema = JSON.parse(schemaText) as Record<string, unknown>;
delete schema.$schema;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

export interface ComposeService {
  image?: string;
  ports?: string[];
  environment?: Record<string, unknown>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  restart?: string;
  deploy?: { replicas: number };
  [k: string]: unknown;
}

export interface ComposeDoc {
  name: string;
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [k: string]: unknown;
}

/** Parses compose.yaml as a YAML 1.1 reader would and returns every problem found. */
export function composeProblems(text: string): { doc: ComposeDoc; problems: string[] } {
  const problems: string[] = yamlTextProblems(text).map((p) => `YAML readers: ${p}`);
  const parsed = parseDocument(text, { version: '1.1' });
  if (parsed.errors.length > 0) problems.push(`YAML: ${parsed.errors[0]?.message}`);
  visit(parsed, { Alias: () => void problems.push('uses a YAML alias') });
  const doc = parsed.toJS() as ComposeDoc;
  const strict = parse(text) as unknown;
  if (JSON.stringify(strict) !== JSON.stringify(doc)) problems.push('YAML 1.1 and 1.2 readers disagree');
  if (!validate(doc)) problems.push(...(validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`));
  if ('version' in doc) problems.push('top-level version');
  const services = doc.services ?? {};
  const hostPorts = new Map<string, string>();
  for (const [name, svc] of Object.entries(services)) {
    for (const [k, v] of Object.entries(svc.environment ?? {}))
      if (typeof v !== 'string') problems.push(`${name}: env ${k} is ${typeof v}`);
    for (const p of svc.ports ?? []) {
      const parts = String(p).split(':');
      if (parts.length < 2) continue;
      const host = parts[parts.length - 2]!;
      const prev = hostPorts.get(host);
      if (prev) problems.push(`host port ${host} published by ${prev} and ${name}`);
      hostPorts.set(host, name);
    }
    for (const [dep, cond] of Object.entries(dependsOn(svc))) {
      const target = services[dep];
      if (!target) {
        problems.push(`${name} depends on missing ${dep}`);
        continue;
      }
      if (cond.condition === 'service_healthy' && !target.healthcheck)
        problems.push(`${name} waits for ${dep} to be healthy, which has no healthcheck`);
      if (target.profiles && !svc.profiles) problems.push(`${name} waits for ${dep}, which is not started by default`);
    }
  }
  const cycle = findCycle(services);
  if (cycle) problems.push(`depends_on cycle: ${cycle.join(' -> ')}`);
  return { doc, problems };
}

/** depends_on in its long form, whichever form the file used. */
function dependsOn(svc: ComposeService | undefined): Record<string, { condition: string }> {
  const d: unknown = svc?.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((x) => [String(x), { condition: 'service_started' }]));
  return d as Record<string, { condition: string }>;
}

/** A depends_on cycle, or null. */
export function findCycle(services: Record<string, ComposeService>): string[] | null {
  const state = new Map<string, number>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    path.push(n);
    for (const d of Object.keys(dependsOn(services[n]))) {
      if (state.get(d) === 1) return [...path.slice(path.indexOf(d)), d];
      if (!state.has(d)) {
        const c = visit(d);
        if (c) return c;
      }
    }
    path.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of Object.keys(services)) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return null;
}
