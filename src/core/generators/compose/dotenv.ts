import { envSecrets, infraCredentials } from '../../model/credentials';
import type { Design } from '../../model/types';
import { gitignore as ignoredFiles } from '../ignored';
import type { GeneratedFile } from '../types';

/**
 * The credentials of the infrastructure and the services' secret values, out of compose.yaml:
 * `.env` holds the development defaults that `docker compose` reads next to compose.yaml, and
 * stays out of git through the project's `.gitignore`; `.env.example`, committed, lists the same variables to fill in.
 */
export function dotenvFiles(design: Design): GeneratedFile[] {
  const creds = design.nodes.flatMap((n) => [
    ...infraCredentials(n).map((c) => ({ node: n, c, what: c.key === 'username' ? 'user' : 'password' })),
    ...envSecrets(n).map((c) => ({ node: n, c, what: c.key })),
  ]);
  const secrets = design.nodes.some((n) => envSecrets(n).length > 0);
  const gitignore: GeneratedFile = {
    path: '.gitignore',
    content: ignoredFiles(),
  };
  if (creds.length === 0) return [gitignore];
  const lines = (value: (v: string) => string) =>
    creds.map(({ node, c, what }) => `# ${what} of ${node.name.replace(/\s+/g, ' ')}\n${c.variable}=${value(c.value)}`);
  const header = secrets
    ? [
        '# Credentials of the infrastructure and secret values of the services, read by docker compose',
        '# (compose.yaml refers to them).',
      ]
    : ['# Credentials of the infrastructure, read by docker compose (compose.yaml refers to them).'];
  const env = [
    ...header,
    '# Development defaults: change them before the system holds anything of value, and keep this',
    '# file out of version control (.gitignore lists it). A password goes into connection URLs as',
    '# it is: keep to letters, digits and -._~',
    '',
    ...lines(dotenvValue),
    '',
  ];
  const example = [
    '# The variables docker compose needs: copy this file to .env and fill in the values.',
    '# Letters, digits and -._~ only: the values go into connection URLs as they are.',
    '',
    ...lines(() => ''),
    '',
  ];
  return [gitignore, { path: '.env', content: env.join('\n') }, { path: '.env.example', content: example.join('\n') }];
}

/**
 * A value as a `.env` line holds it: bare when it is plain, in single quotes (read as they are)
 * when it has spaces, `#`, `$` or quotes, in double quotes with backslash escapes when it holds a
 * single quote or a line break (as docker compose's reader, compose-go, reads them back).
 */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9._~+\-/:@,=%]*$/.test(value)) return value;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\\n\r"$]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`))}"`;
}

/**
 * The value of a `.env` line as docker compose reads what `dotenvValue` writes: single quotes
 * as they are, double quotes with their backslash escapes, a bare value trimmed.
 */
export function readDotenvValue(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1);
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"'))
    return t.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
  return t;
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
