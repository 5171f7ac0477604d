/**
 * Runs the real buf CLI (npm `@bufbuild/buf`) on generated proto files, offline: the module has
 * no dependencies, so lint and build never reach the network.
 */
/* eslint-disable no-restricted-imports -- test support: runs in Node, never in the app */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
/* eslint-enable no-restricted-imports */
import type { GeneratedFile } from '../types';

const BUF = join(dirname(createRequire(import.meta.url).resolve('@bufbuild/buf/package.json')), 'bin', 'buf');

export interface BufRun {
  status: number | null;
  output: string;
}

export interface BufResult {
  lint: BufRun;
  build: BufRun;
  /** The compiled image (buf's JSON form of a FileDescriptorSet), when the build passed. */
  image: BufImage | undefined;
}

export interface BufImage {
  file: {
    name: string;
    package: string;
    service?: { name: string; method?: { name: string; inputType: string; outputType: string }[] }[];
    messageType?: { name: string; field?: { name: string; number: number; type: string }[] }[];
  }[];
}

function run(args: string[], cwd: string): BufRun {
  const r = spawnSync(BUF, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/**
 * Writes the files under a fresh temporary folder and runs `buf lint` and `buf build` in its
 * `proto/` folder, where the exported buf.yaml is.
 */
export function bufCheck(files: readonly GeneratedFile[]): BufResult {
  const root = mkdtempSync(join(tmpdir(), 'pc-proto-'));
  try {
    for (const f of files) {
      const p = join(root, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    const cwd = join(root, 'proto');
    const lint = run(['lint'], cwd);
    const build = run(['build', '-o', join(root, 'image.json')], cwd);
    const image =
      build.status === 0 ? (JSON.parse(readFileSync(join(root, 'image.json'), 'utf8')) as BufImage) : undefined;
    return { lint, build, image };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
