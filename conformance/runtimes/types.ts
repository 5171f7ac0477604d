import type { RuntimeId } from '../../src/core/catalog/catalog';

/** One command: program and arguments, run in `cwd` (relative to the service folder unless absolute). */
export interface Command {
  cmd: string;
  args: string[];
  cwd?: string;
  /** Extra environment for this command only. */
  env?: Record<string, string>;
}

/**
 * How the conformance run builds and starts one exported service natively, with the same steps
 * its Dockerfile runs. `dir` is the absolute path of `services/<name>/`; `cache` is a folder kept
 * between runs for downloads (venvs are made per service inside it when useful). conformance/run.ts
 * passes one folder per runtime, `~/.cache/polyglot-canvas/runtimes/<runtime>`, shared by every
 * service of that runtime (a place for a shared CARGO_TARGET_DIR, for instance). Build commands
 * and the service run with our environment plus `env`; the service also gets the variables
 * compose gives it (`serviceEnv` in wiring.ts), with addresses on 127.0.0.1, which win.
 */
export interface RuntimeRecipe {
  runtime: RuntimeId;
  /** Toolchain binaries that must be on PATH (checked before building). */
  tools: string[];
  build(dir: string, cache: string): Command[];
  start(dir: string, cache: string): Command;
}
