import { describe, expect, it } from 'vitest';
import { isRuntime } from '../src/core/catalog/catalog';
import { wireServices } from '../src/core/model/wiring';
import { fixtures } from '../conformance/fixtures/make';
import type { ServiceStatus } from '../conformance/lib/checks';
import { readyChecks, type ReadyAnswer } from '../conformance/lib/ready';

const design = fixtures()['python-fastapi']!;
const services = wireServices(design);
const front = services.find((w) => w.node.name === 'fastapi-front')!;
const back = services.find((w) => w.node.name === 'fastapi-back')!;
const up = new Map<string, ServiceStatus>(
  design.nodes.filter((n) => isRuntime(n.kind)).map((n) => [n.id, { state: 'up' }]),
);
const answers = (a: ReadyAnswer, b: ReadyAnswer) =>
  new Map([
    [front.node.id, a],
    [back.node.id, b],
  ]);
const status = (rs: ReturnType<typeof readyChecks>, name: string) => rs.find((r) => r.id === `ready:${name}`);

describe('readiness checks', () => {
  it('pass when /readyz follows the brokers and databases and /healthz stays up', () => {
    const rs = readyChecks(
      services,
      up,
      new Map(),
      answers({ ready: 200 }, { ready: 200 }),
      answers({ ready: 503, alive: 200 }, { ready: 503, alive: 200 }),
    );
    expect(rs.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(status(rs, 'fastapi-back')?.cells).toEqual([['python-fastapi', 'ready']]);
  });

  it('fail when /readyz stays 200 without its broker, or /healthz goes down with it', () => {
    const rs = readyChecks(
      services,
      up,
      new Map(),
      answers({ ready: 200 }, { ready: 503 }),
      answers({ ready: 200, alive: 200 }, { ready: 503, alive: 'ECONNREFUSED' }),
    );
    expect(status(rs, 'fastapi-front')?.status).toBe('fail');
    expect(status(rs, 'fastapi-front')?.detail).toContain('/readyz answered 200 after kafka stopped');
    expect(status(rs, 'fastapi-back')?.detail).toContain('/readyz answered 503 with its dependencies up');
    expect(status(rs, 'fastapi-back')?.detail).toContain('/healthz answered ECONNREFUSED');
  });

  it('skip services that did not run and those whose broker did not start', () => {
    const kafka = design.nodes.find((n) => n.kind === 'kafka')!;
    const rs = readyChecks(
      services,
      new Map([...up, [front.node.id, { state: 'skipped', reason: 'no tools' }]]),
      new Map([[kafka.id, 'kafka did not start']]),
      new Map(),
      null,
    );
    expect(rs.map((r) => r.status)).toEqual(['skip', 'skip']);
    expect(status(rs, 'fastapi-back')?.detail).toBe('not started: kafka');
  });
});
