import { readDotenv } from '../generators/compose/dotenv';
import { secretEnvVariables } from '../model/credentials';
import type { Design } from '../model/types';

/**
 * Secret values stay out of the design an export carries. `polyglot.design.json` (and the base
 * design beside the manifest) is meant to be committed with the project, while `.env`, which
 * holds the same values for docker compose, is kept out of git by the project's `.gitignore`.
 * So the exported design keeps each secret variable with its mark and an empty value, and opening
 * or updating the project takes the values back from its `.env`.
 */

/** The design as an export carries it: every secret value that `.env` holds left empty. */
export function projectDesign(design: Design): Design {
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const vars = secretEnvVariables(n);
    if (vars.size === 0) return n;
    changed = true;
    return { ...n, env: n.env.map((e) => (e.secret && vars.has(e.key) ? { ...e, value: '' } : e)) };
  });
  return changed ? { ...design, nodes } : design;
}

/** The secret values a design lacks that a project's `.env` would hold, as "KEY of node (VARIABLE)". */
export function missingSecrets(design: Design): string[] {
  return design.nodes.flatMap((n) => {
    const vars = secretEnvVariables(n);
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
    const vars = secretEnvVariables(n);
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
