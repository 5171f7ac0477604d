import { readDotenvValue } from '../generators/compose/dotenv';
import { envSecrets, infraCredentialKeys } from '../model/credentials';
import { envPrefix } from '../model/naming';
import type { Design, DesignNode } from '../model/types';

/**
 * Secret values stay out of the design an export carries. `polyglot.design.json` (and the base
 * design beside the manifest) is meant to be committed with the project, while `.env`, which
 * holds the same values for docker compose, is kept out of git by the project's `.gitignore`.
 * So the exported design keeps each secret variable with its mark and an empty value, and opening
 * or updating the project takes the values back from its `.env`.
 */

/** The `.env` variable of each secret value of a node, by the node's environment key. */
function secretVariables(node: DesignNode): Map<string, string> {
  const out = new Map(envSecrets(node).map((c) => [c.key, c.variable]));
  // infrastructure whose own user or password setting is marked secret: `.env` holds it as <PREFIX>_USER / _PASSWORD
  const p = envPrefix(node.name);
  for (const [credential, key] of infraCredentialKeys(node))
    if (node.env.some((e) => e.key === key && e.secret))
      out.set(key, `${p}_${credential === 'username' ? 'USER' : 'PASSWORD'}`);
  return out;
}

/** The design as an export carries it: every secret value that `.env` holds left empty. */
export function projectDesign(design: Design): Design {
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const vars = secretVariables(n);
    if (vars.size === 0) return n;
    changed = true;
    return { ...n, env: n.env.map((e) => (e.secret && vars.has(e.key) ? { ...e, value: '' } : e)) };
  });
  return changed ? { ...design, nodes } : design;
}

/** The variables of a `.env` file: `NAME=value` lines (comments and blank lines skipped), values read as compose reads them. */
export function readDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (m?.[1] !== undefined) out.set(m[1], readDotenvValue(m[2] ?? ''));
  }
  return out;
}

/** The secret values a design lacks that a project's `.env` would hold, as "KEY of node (VARIABLE)". */
export function missingSecrets(design: Design): string[] {
  return design.nodes.flatMap((n) => {
    const vars = secretVariables(n);
    return n.env.flatMap((e) => {
      const variable = vars.get(e.key);
      return e.secret && e.value === '' && variable !== undefined ? [`${e.key} of ${n.name} (${variable})`] : [];
    });
  });
}

/**
 * A design read from a project with the secret values of its `.env` put back: each empty secret
 * variable whose `.env` variable the file sets. One warning names the secret values it could not
 * find (no `.env`, or a variable missing from it), which stay empty.
 */
export function withProjectSecrets(design: Design, dotenv: string | null): { design: Design; warnings: string[] } {
  const values = dotenv === null ? new Map<string, string>() : readDotenv(dotenv);
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const vars = secretVariables(n);
    if (vars.size === 0) return n;
    let touched = false;
    const env = n.env.map((e) => {
      const variable = vars.get(e.key);
      const value = variable === undefined ? undefined : values.get(variable);
      if (!e.secret || e.value !== '' || value === undefined) return e;
      touched = true;
      return { ...e, value };
    });
    changed ||= touched;
    return touched ? { ...n, env } : n;
  });
  const filled = changed ? { ...design, nodes } : design;
  const missing = missingSecrets(filled);
  const warnings =
    missing.length === 0
      ? []
      : [
          `${dotenv === null ? 'The project has no .env, which holds its secret values' : 'The project’s .env does not set every secret value'}: ${missing.join(', ')} ${missing.length === 1 ? 'stays' : 'stay'} empty. Enter ${missing.length === 1 ? 'it' : 'them'} in the inspector (or in .env) before exporting again.`,
        ];
  return { design: filled, warnings };
}
