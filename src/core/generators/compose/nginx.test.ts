/* eslint-disable no-restricted-imports -- a test: runs in Node, never in the app */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontendConf, gatewayConf, type EdgeTarget } from './edge';
import { hostileDesign, shopDesign } from './testDesigns';
import type { Design } from '../../model/types';

/** nginx's own syntax check, where the machine has nginx. */
function hasNginx(): boolean {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `nginx -t` of one generated server block inside a minimal main configuration. */
function nginxTest(conf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  try {
    // static upstreams are resolved by -t: point them at loopback, as the cluster's DNS would resolve them
    writeFileSync(join(dir, 'server.conf'), conf.replace(/http:\/\/[a-z0-9-]+:/g, 'http://127.0.0.1:'));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  include ${dir}/server.conf;\n}\n`,
    );
    return execFileSync('nginx', ['-t', '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasNginx())('nginx -t', () => {
  const cases: [string, Design][] = [
    ['shop', shopDesign()],
    ['hostile names', hostileDesign()],
  ];
  it('rejects a broken configuration', () => {
    expect(() => nginxTest('server { listen 80 }')).toThrow();
  });
  for (const [name, design] of cases) {
    for (const target of ['compose', 'kubernetes'] as EdgeTarget[]) {
      it(`${name}, ${target}: gateway and frontend configurations are valid`, () => {
        for (const node of design.nodes) {
          if (node.kind === 'gateway') expect(() => nginxTest(gatewayConf(design, node, target))).not.toThrow();
          if (node.kind === 'frontend') expect(() => nginxTest(frontendConf(design, node, target))).not.toThrow();
        }
        expect(design.nodes.some((n) => n.kind === 'gateway')).toBe(true);
      });
    }
  }
});
