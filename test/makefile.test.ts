import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDocs } from '../src/core/generators/docs';
import { fixtureNames, loadFixture } from './fixtures/load';

const haveTools = ['make', 'curl'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const tmp = mkdtempSync(join(tmpdir(), 'pgc-make-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A fake service answering /ping with a fixed body; resolves to its port. */
async function serve(body: unknown): Promise<number> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body, null, 2));
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

function makefileOf(name: string): string {
  const file = join(tmp, `${name}.mk`);
  const [mk] = generateDocs(loadFixture(name), ['proto/buf.yaml']);
  writeFileSync(file, mk?.content ?? '');
  return file;
}

async function verify(...bodies: unknown[]) {
  const ports = await Promise.all(bodies.map(serve));
  // asynchronously: the fake services answer from this very process
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      'make',
      [
        '-s',
        '-f',
        makefileOf('polyglot-shop'),
        'verify',
        'COMPOSE=false',
        `PING_TARGETS=${ports.map((p, i) => `svc${i}:${p}`).join(' ')}`,
      ],
      { encoding: 'utf8', timeout: 60_000, cwd: tmp },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe.skipIf(!haveTools)('the exported Makefile', () => {
  it('parses for every fixture and every target (make -n)', () => {
    for (const name of fixtureNames()) {
      const targets = ['help', 'up', 'down', 'logs', 'verify', 'test', 'clean', 'proto'];
      const r = spawnSync('make', ['-n', '-f', makefileOf(name), ...targets], {
        encoding: 'utf8',
        cwd: tmp,
      });
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
  });

  it('lists every target with what it does on `make` and `make help`', () => {
    const file = makefileOf('polyglot-shop');
    for (const args of [[], ['help']]) {
      const r = spawnSync('make', ['-s', '-f', file, ...args, 'COMPOSE=false'], { encoding: 'utf8', cwd: tmp });
      expect(r.status).toBe(0);
      const names = r.stdout.split('\n').map((l) => l.split(':')[0]);
      expect(names).toEqual(['help', 'up', 'down', 'logs', 'verify', 'test', 'clean', 'proto', '']);
    }
  });

  it('test starts the system, then verifies; clean removes containers, volumes and images', () => {
    const r = spawnSync('make', ['-n', '-f', makefileOf('polyglot-shop'), 'test', 'clean'], {
      encoding: 'utf8',
      cwd: tmp,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('docker compose up --build -d --wait');
    expect(lines.findIndex((l) => l.includes('verify'))).toBeGreaterThan(0);
    expect(r.stdout).toContain('docker compose down --volumes --remove-orphans --rmi local');
  });

  it('verify passes when every call in every tree answered', async () => {
    const r = await verify(
      {
        service: 'a',
        ok: true,
        calls: [{ via: 'rest', target: 'b', ok: true, tree: { service: 'b', ok: true, calls: [] } }],
      },
      { service: 'c', ok: true, calls: [] },
    );
    expect(r.out).toContain('verify: every call answered');
    expect(r.code).toBe(0);
  });

  it('verify fails when a call deep in a tree failed', async () => {
    const r = await verify(
      { service: 'a', ok: true, calls: [] },
      {
        service: 'c',
        ok: true,
        calls: [
          { via: 'grpc', target: 'd', ok: true, tree: { calls: [{ via: 'queue', ok: false, error: 'refused' }] } },
        ],
      },
    );
    expect(r.out).toContain('a call in the tree of svc1 failed');
    expect(r.code).not.toBe(0);
  });
});
