import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isPyNative, nativeBuildCommands, type PyNativeKind } from '../../src/core/generators/stubs/python/native';
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
  // a Rust module's wheel is installed into the environment, so that service gets its own
  const own = nativeKind(dir) === 'pyo3' ? `\0pyo3:${basename(dir)}` : '';
  const hash = createHash('sha256')
    .update(reqs + own)
    .digest('hex')
    .slice(0, 16);
  return join(cache, 'venvs', `py-${hash}`);
}

/** The kind of the service's in-process module, read from its generated loader, if it has one. */
export function nativeKind(dir: string): PyNativeKind | undefined {
  const loader = join(dir, 'app', 'plumbing', 'native.py');
  if (!existsSync(loader)) return undefined;
  const kind = /^KIND = "([a-z0-9]+)"$/m.exec(readFileSync(loader, 'utf8'))?.[1];
  return isPyNative(kind as never) ? (kind as PyNativeKind) : undefined;
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
  '  "$VENV/bin/pip" install --disable-pip-version-check --require-hashes -r "$REQS"',
  '  touch "$VENV/.complete"',
  'fi',
].join('\n');

/**
 * The build commands of a Python stub in `dir`: its environment, gen_proto.py, then the build of
 * its in-process module, if it has one, with the commands of its Dockerfile's native stage. The
 * build tools (native/requirements-build.txt) get a cached environment of their own, as in the
 * Dockerfile; a Rust module's crates compile into a target folder shared by the runtime's services.
 */
export function pythonBuild(dir: string, cache: string): Command[] {
  const venv = pythonVenv(dir, cache);
  const pip = join(cache, 'pip');
  const out: Command[] = [
    { cmd: 'sh', args: ['-c', INSTALL], env: { VENV: venv, REQS: 'requirements.txt', PIP_CACHE_DIR: pip } },
    { cmd: join(venv, 'bin', 'python'), args: ['gen_proto.py'] },
  ];
  const kind = nativeKind(dir);
  if (!kind) return out;
  const python = join(venv, 'bin', 'python');
  let build = python;
  const buildReqs = join(dir, 'native', 'requirements-build.txt');
  if (existsSync(buildReqs)) {
    const hash = createHash('sha256').update(readFileSync(buildReqs)).digest('hex').slice(0, 16);
    const buildVenv = join(cache, 'venvs', `build-${hash}`);
    build = join(buildVenv, 'bin', 'python');
    out.push({
      cmd: 'sh',
      args: ['-c', INSTALL],
      env: { VENV: buildVenv, REQS: 'native/requirements-build.txt', PIP_CACHE_DIR: pip },
    });
  }
  const env = { CARGO_TARGET_DIR: join(cache, 'cargo-target-pyo3'), CARGO_TERM_COLOR: 'never', CARGO_BUILD_JOBS: '2' };
  out.push({
    cmd: 'sh',
    args: ['-c', ['set -e', 'rm -rf native/build', ...nativeBuildCommands(kind, build, python)].join('\n')],
    env: kind === 'pyo3' ? env : {},
  });
  return out;
}

/** The start command of a Python stub: `python -m app`, the Dockerfile's CMD. */
export function pythonStart(dir: string, cache: string): Command {
  return { cmd: join(pythonVenv(dir, cache), 'bin', 'python'), args: ['-m', 'app'], env: { PYTHONUNBUFFERED: '1' } };
}
