import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './types';

/**
 * The native build of a Python stub, shared by the FastAPI and Flask recipes: the same two steps
 * as its Dockerfile (`pip install --require-hashes -r requirements.txt`, `python gen_proto.py`), in a virtual
 * environment kept in the cache and keyed by the requirements' hash, so services with the same
 * requirements share one. A lock serialises builds of the same environment, and a marker file
 * written last means a half-built environment is never reused.
 */
export function pythonVenv(dir: string, cache: string): string {
  const reqs = readFileSync(join(dir, 'requirements.txt'), 'utf8');
  const hash = createHash('sha256').update(reqs).digest('hex').slice(0, 16);
  return join(cache, 'venvs', `py-${hash}`);
}

const INSTALL = [
  'set -e',
  'mkdir -p "$(dirname "$VENV")" "$PIP_CACHE_DIR"',
  'exec 9>"$VENV.lock"',
  'flock 9',
  'if [ ! -f "$VENV/.complete" ]; then',
  '  rm -rf "$VENV"',
  '  python3 -m venv "$VENV"',
  // the Dockerfile's install; the wheel cache only saves downloads, pip checks every hash
  '  "$VENV/bin/pip" install --disable-pip-version-check --require-hashes -r requirements.txt',
  '  touch "$VENV/.complete"',
  'fi',
].join('\n');

/** The build commands of a Python stub in `dir`. */
export function pythonBuild(dir: string, cache: string): Command[] {
  const venv = pythonVenv(dir, cache);
  return [
    { cmd: 'sh', args: ['-c', INSTALL], env: { VENV: venv, PIP_CACHE_DIR: join(cache, 'pip') } },
    { cmd: join(venv, 'bin', 'python'), args: ['gen_proto.py'] },
  ];
}

/** The start command of a Python stub: `python -m app`, the Dockerfile's CMD. */
export function pythonStart(dir: string, cache: string): Command {
  return { cmd: join(pythonVenv(dir, cache), 'bin', 'python'), args: ['-m', 'app'], env: { PYTHONUNBUFFERED: '1' } };
}
