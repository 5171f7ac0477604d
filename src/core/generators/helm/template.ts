import { toYaml } from '../compose/yaml';

/**
 * Turns a Kubernetes object into a Helm template: chosen fields are replaced by template actions
 * after the object is written as YAML, so the chart renders the very objects of `k8s/` with its
 * values put in. A field is first set to a token no YAML writer quotes or folds, then the
 * token's line is rewritten.
 */

export interface HelmField {
  /** The path of the field in the object: keys and array indexes. */
  path: (string | number)[];
  /** A Go template expression, e.g. `.Release.Namespace`. */
  expr: string;
  /** `inline` puts the value on the key's line; `block` renders a map or list below it. */
  mode: 'inline' | 'block';
}

const token = (i: number) => `HELMVALUE${i}TOKEN`;

function setPath(target: unknown, path: readonly (string | number)[], value: unknown): void {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === undefined || next === null || typeof next !== 'object')
      throw new Error(`no ${String(key)} on the path`);
    at = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('an empty path');
  at[last] = value;
}

/** The column where the key of a line starts (after its indent and any `- ` of a list item). */
function keyColumn(line: string): number {
  let col = line.search(/\S/);
  while (line.startsWith('- ', col)) col += 2;
  return col;
}

/** One object as a Helm template document (no leading `---`). */
export function helmDocument(object: unknown, fields: readonly HelmField[]): string {
  const copy = JSON.parse(JSON.stringify(object)) as unknown;
  fields.forEach((f, i) => setPath(copy, f.path, token(i)));
  // the line of each token (the first that holds it), found in one pass: a replacement keeps the
  // lines as they are, one for one, and puts no token in
  const lines = toYaml(copy).split('\n');
  const lineOf = new Map<string, number>();
  lines.forEach((line, at) => {
    if (!line.includes('HELMVALUE')) return;
    for (const m of line.matchAll(/HELMVALUE\d+TOKEN/g)) if (!lineOf.has(m[0])) lineOf.set(m[0], at);
  });
  fields.forEach((f, i) => {
    const at = lineOf.get(token(i)) ?? -1;
    const line = lines[at];
    if (line === undefined) throw new Error(`the field ${f.path.join('.')} is not in the YAML`);
    const tok = new RegExp(`(['"]?)${token(i)}\\1`);
    lines[at] =
      f.mode === 'inline'
        ? line.replace(tok, `{{ ${f.expr} }}`)
        : line.replace(
            new RegExp(` ?(['"]?)${token(i)}\\1`),
            `{{- toYaml ${f.expr} | nindent ${keyColumn(line) + 2} }}`,
          );
  });
  return lines.join('\n');
}

/** A Go template string literal of a name (DNS labels and variable names: no quote or backslash). */
export function goString(s: string): string {
  return JSON.stringify(s);
}
