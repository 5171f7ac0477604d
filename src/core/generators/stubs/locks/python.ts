import data from './python.lock.json';

/**
 * The Python lock data (`npm run locks:update`): pip's resolution of each lock part of a stub (its
 * framework, then one part per feature: see PY_LOCK_FEATURES), every package at the version pip
 * picks for all the parts together, on CPython 3.11 and 3.12 alike. A stub's requirements.txt is
 * the union of its parts' closures, each package with the SHA-256 of every file pip may choose on
 * Linux x86_64 or aarch64 for those interpreters (wheels and the sdist).
 */
export interface PythonLockData {
  /** The interpreters the closures were resolved on (identical on each). */
  pythons: string[];
  /** The pinned direct dependencies the data was made for (PY_VERSIONS). */
  direct: Record<string, string>;
  /** Per lock part: the normalised names of every package it installs. */
  features: Record<string, string[]>;
  /** Normalised name → its version, what it requires (normalised names) and its files' hashes. */
  packages: Record<string, { version: string; requires: string[]; hashes: string[] }>;
}

export const PYTHON_LOCK = data as PythonLockData;

/** A distribution name as pip compares them (PEP 503): `Jinja2`, `typing_extensions` → `jinja2`, `typing-extensions`. */
export function normalisePyName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The normalised name of a requirement key such as `psycopg[binary]`. */
function baseName(requirement: string): string {
  return normalisePyName(requirement.replace(/\[.*$/, ''));
}

/** The packages of these lock parts: the union of their closures, sorted by name. */
export function pythonLockPackages(features: readonly string[]): string[] {
  const names = new Set<string>();
  for (const f of features) {
    const entry = PYTHON_LOCK.features[f];
    if (!entry) throw new Error(`the Python lock has no part ${f}: run npm run locks:update`);
    for (const n of entry) names.add(n);
  }
  return [...names].sort();
}

/**
 * The requirements.txt of a stub with these lock parts: every package pinned with its hashes, a
 * direct dependency under its requirement name (`psycopg[binary]`). `directOnly` limits the
 * comment's list of direct dependencies to the stub's own.
 */
export function pythonRequirements(features: readonly string[], directOnly?: readonly string[]): string {
  // the same features give the same file: made once per export worker or process
  const key = JSON.stringify([features, directOnly ?? null]);
  let text = requirements.get(key);
  if (text === undefined) requirements.set(key, (text = requirementsOf(features, directOnly)));
  return text;
}

const requirements = new Map<string, string>();

function requirementsOf(features: readonly string[], directOnly?: readonly string[]): string {
  const shown = new Map(Object.keys(PYTHON_LOCK.direct).map((r) => [baseName(r), r]));
  const names = pythonLockPackages(features);
  // the direct dependencies the comment names: those of the stub when given, else every pinned one
  const named = directOnly ? new Set(directOnly.map(baseName)) : undefined;
  const direct = names.filter((n) => shown.has(n) && (!named || named.has(n))).map((n) => shown.get(n) ?? n);
  const blocks = names.map((n) => {
    const pkg = PYTHON_LOCK.packages[n];
    if (!pkg) throw new Error(`the Python lock has no package ${n}: run npm run locks:update`);
    const hashes = pkg.hashes.map((h) => `    --hash=sha256:${h}`).join(' \\\n');
    return `${shown.get(n) ?? n}==${pkg.version} \\\n${hashes}\n`;
  });
  return `# Every package this service installs, direct or not, pinned with the SHA-256 of each file pip may
# choose on Linux (x86_64, aarch64) for CPython ${PYTHON_LOCK.pythons.join(' and ')}:
#   pip install --require-hashes -r requirements.txt
# pip refuses the whole file if a line has no hash, so add a dependency with its hashes and those
# of what it needs (pip-compile --generate-hashes, or pip hash <file>).
${wrapComment(`Direct dependencies: ${direct.join(', ')}.`)}${blocks.join('')}`;
}

/** `text` as `# ` comment lines of at most 100 characters, broken between words. */
function wrapComment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 100 && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return `${[...lines, line].join('\n')}\n`;
}
