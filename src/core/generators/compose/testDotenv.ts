import type { Design } from '../../model/types';
import { generateCompose } from './compose';

/** The variables of the exported `.env`. */
export function dotenvOf(design: Design): Map<string, string> {
  const text = generateCompose(design).find((f) => f.path === '.env')?.content ?? '';
  return new Map([...text.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** A value as docker compose reads it: `$$` is a dollar, `${VAR}` and `${VAR:?message}` come from .env. */
export function interpolate(value: string, dotenv: ReadonlyMap<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_]\w*)(?::\?[^}]*)?\}/g, (m, v: string | undefined) =>
    m === '$$' ? '$' : (dotenv.get(v ?? '') ?? ''),
  );
}
