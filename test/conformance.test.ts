import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../src/core/checks';
import { RUNTIMES, isRuntime, isWorker, unsupportedInfra, type RuntimeId } from '../src/core/catalog/catalog';
import { designContracts } from '../src/core/model/contracts';
import { dnsLabel } from '../src/core/model/naming';
import type { Design } from '../src/core/model/types';
import { wireServices } from '../src/core/model/wiring';
import { fixtures } from '../conformance/fixtures/make';
import { evaluate, type CheckResult, type ServiceStatus } from '../conformance/lib/checks';
import { aggregate, renderMatrix, tally } from '../conformance/lib/matrix';
import { adler32 } from '../conformance/lib/native';
import { makePlan } from '../conformance/lib/plan';
import { readTree, walk, type PingNode } from '../conformance/lib/tree';

const design = (): Design => {
  const d = fixtures()['python-fastapi'];
  if (!d) throw new Error('fixture');
  return d;
};
const up = (d: Design) =>
  new Map<string, ServiceStatus>(d.nodes.filter((n) => isRuntime(n.kind)).map((n) => [n.id, { state: 'up' }]));

/** The trees a working fastapi fixture answers: front calls back over REST and gRPC, both exchange messages. */
function goodTrees(): PingNode[] {
  // both ends read the typed contracts: each call lists the methods it exercised
  const c = designContracts(design());
  const link = (kind: string) => design().links.find((l) => l.kind === kind);
  const restLink = link('rest');
  const grpcLink = link('grpc');
  if (!restLink || !grpcLink) throw new Error('links');
  const restMethods = c.usedEndpoints(restLink).map((e) => ({ name: `${e.method} ${e.path}`, ok: true }));
  const grpcMethods = c.usedRpcs(grpcLink).map((r) => ({ name: r.name, ok: true }));
  const back = (received: object[]) => ({
    service: 'fastapi-back',
    language: 'Python',
    framework: 'FastAPI',
    calls: [
      { via: 'queue', broker: 'kafka', brokerKind: 'kafka', topic: 'fastapi-replies', ok: true },
      { via: 'database', target: 'postgres', ok: true },
    ],
    received,
  });
  const front = {
    service: 'fastapi-front',
    language: 'Python',
    framework: 'FastAPI',
    calls: [
      { via: 'rest', target: 'fastapi-back', ok: true, tree: back([]), methods: restMethods },
      { via: 'grpc', target: 'fastapi-back', ok: true, tree: back([]), methods: grpcMethods },
      { via: 'queue', broker: 'kafka', brokerKind: 'kafka', topic: 'fastapi-orders', ok: true },
    ],
    received: [{ broker: 'kafka', topic: 'fastapi-replies', from: 'fastapi-back', id: 'fastapi-back-1', valid: true }],
  };
  const consumer = back([
    { broker: 'kafka', topic: 'fastapi-orders', from: 'fastapi-front', id: 'fastapi-front-1', valid: true },
  ]);
  return [front, consumer].map((t) => {
    const r = readTree(JSON.parse(JSON.stringify(t)));
    if (!r) throw new Error('tree');
    return r;
  });
}

const byId = (rs: CheckResult[], id: string) => {
  const r = rs.find((x) => x.id === id);
  if (!r) throw new Error(`no check ${id}: ${rs.map((x) => x.id).join(', ')}`);
  return r;
};

describe('conformance checks', () => {
  it('pass every check of a working system', () => {
    const d = design();
    const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees: goodTrees() });
    expect(rs.filter((r) => r.status !== 'pass')).toEqual([]);
    // build, start and ping per service, one check per link, and the typed exercise of the REST
    // and gRPC links and of the two subscriptions (both ends read the typed contracts)
    expect(rs).toHaveLength(2 * 3 + d.links.length + 4);
    const m = aggregate(rs);
    expect(tally(m)).toEqual({ passed: 11, failed: 0 });
    expect(renderMatrix(m, ['python-fastapi'])).toMatch(/python-fastapi\s+PASS\s+PASS/);
    expect(renderMatrix(m, ['python-fastapi'])).toMatch(/methods/);
  });

  it('check an in-process module by the checksum of the input it was given', () => {
    // RFC 1950's example: adler32("Wikipedia") = 0x11E60398
    expect(adler32('Wikipedia')).toBe(0x11e60398);
    expect(adler32('')).toBe(1);
    expect(adler32('ü'.repeat(6000))).toBe(adler32('ü'.repeat(6000)));
    const d = design();
    const back = d.nodes.find((n) => n.name === 'fastapi-back');
    if (!back) throw new Error('back');
    back.native = { kind: 'pyo3' };
    const run = (native: object | undefined) => {
      const trees = goodTrees();
      for (const t of trees) for (const a of walk(t)) if (a.service === 'fastapi-back') Object.assign(a, { native });
      const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees });
      return byId(rs, 'native:fastapi-back');
    };
    const input = 'fastapi-back@2026-12-06T20:00:00.000Z';
    expect(run({ kind: 'pyo3', input, answer: adler32(input), ok: true }).status).toBe('pass');
    expect(run({ kind: 'pyo3', input, answer: adler32(input) + 1, ok: true }).detail).toMatch(/the module answered/);
    expect(run({ kind: 'cffi', input, answer: adler32(input), ok: true }).detail).toMatch(/expected pyo3/);
    expect(run({ kind: 'pyo3', input, answer: null, ok: false, error: 'ImportError' }).detail).toBe('ImportError');
    expect(run(undefined).detail).toMatch(/no native call/);
  });

  it('fail a typed exercise with a method that failed or was not called, and a payload that was not the sample', () => {
    const d = design();
    const trees = goodTrees();
    const [rest, grpc] = trees[0]?.calls ?? [];
    if (!rest?.methods || !grpc?.methods) throw new Error('methods');
    const first = rest.methods[0];
    if (!first) throw new Error('a REST method');
    first.ok = false;
    first.error = 'HTTP 422: the request differs from the sample';
    grpc.methods = [];
    const received = trees[1]?.received[0];
    if (!received) throw new Error('received');
    received.valid = false;
    const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees });
    expect(byId(rs, 'methods:rest:fastapi-front->fastapi-back').detail).toMatch(/HTTP 422: the request differs/);
    expect(byId(rs, 'methods:grpc:fastapi-front->fastapi-back').detail).toMatch(/not called/);
    expect(byId(rs, 'payload:kafka->fastapi-back:fastapi-orders').detail).toMatch(/was not the sample/);
    expect(aggregate(rs).get('python-fastapi')?.get('methods')).toBe('FAIL');
  });

  it('fail a call that failed, went to the wrong language, or never happened', () => {
    const d = design();
    const trees = goodTrees();
    const front = trees[0];
    if (!front) throw new Error('front');
    const [rest, grpc, pub] = front.calls;
    if (!rest?.tree || !grpc || !pub) throw new Error('calls');
    rest.tree.language = 'Go';
    grpc.ok = false;
    grpc.error = 'UNAVAILABLE: connection refused';
    front.calls = [rest, grpc];
    const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees });
    expect(byId(rs, 'rest:fastapi-front->fastapi-back').status).toBe('fail');
    expect(byId(rs, 'grpc:fastapi-front->fastapi-back').detail).toMatch(/connection refused/);
    expect(byId(rs, 'queue:fastapi-front->kafka:fastapi-orders').detail).toMatch(/no publish of fastapi-orders/);
    const m = aggregate(rs);
    expect(m.get('python-fastapi')?.get('rest-server')).toBe('FAIL');
    expect(m.get('python-fastapi')?.get('pub-kafka')).toBe('FAIL');
    expect(tally(m).failed).toBeGreaterThanOrEqual(5);
  });

  it('fail a subscription that shows nothing, or a message from the wrong producer', () => {
    const d = design();
    const trees = goodTrees();
    const consumer = trees[1];
    const received = consumer?.received[0];
    if (!received) throw new Error('received');
    received.from = 'someone-else';
    const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees });
    expect(byId(rs, 'queue:kafka->fastapi-back:fastapi-orders').status).toBe('fail');
    expect(byId(rs, 'queue:kafka->fastapi-front:fastapi-replies').status).toBe('pass');
  });

  it('fail a service that is in no tree or answers as another runtime', () => {
    const d = design();
    const trees = goodTrees().slice(0, 1);
    const front = trees[0];
    if (!front) throw new Error('front');
    front.framework = 'Flask';
    front.calls = [];
    const rs = evaluate({ design: d, services: up(d), infraDown: new Map(), trees });
    expect(byId(rs, 'ping:fastapi-front').detail).toMatch(/expected Python \/ FastAPI/);
    expect(byId(rs, 'ping:fastapi-back').detail).toMatch(/in no \/ping tree/);
  });

  it('skip, not pass, what a skipped service or missing broker keeps from running', () => {
    const d = design();
    const services = new Map<string, ServiceStatus>(
      d.nodes.filter((n) => isRuntime(n.kind)).map((n) => [n.id, { state: 'skipped', reason: 'no recipe' }]),
    );
    const rs = evaluate({ design: d, services, infraDown: new Map(), trees: [] });
    expect(rs.every((r) => r.status === 'skip')).toBe(true);
    expect(tally(aggregate(rs))).toEqual({ passed: 0, failed: 0 });
    // shown as SKIP in the matrix, never as a pass or as unused
    const cells = [...aggregate(rs).values()].flatMap((row) => [...row.values()]);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c === 'SKIP')).toBe(true);

    const kafka = d.nodes.find((n) => n.kind === 'kafka');
    if (!kafka) throw new Error('kafka');
    const noKafka = evaluate({
      design: d,
      services: up(d),
      infraDown: new Map([[kafka.id, 'did not start']]),
      trees: goodTrees(),
    });
    expect(byId(noKafka, 'queue:fastapi-front->kafka:fastapi-orders')).toMatchObject({
      status: 'skip',
      detail: /did not start/,
    });
  });

  it('count a build failure once, and block what depends on it', () => {
    const d = design();
    const services = up(d);
    const back = d.nodes.find((n) => n.name === 'fastapi-back');
    if (!back) throw new Error('back');
    services.set(back.id, { state: 'build-failed', reason: 'pip failed' });
    const rs = evaluate({ design: d, services, infraDown: new Map(), trees: goodTrees().slice(0, 1) });
    expect(byId(rs, 'build:fastapi-back').status).toBe('fail');
    expect(byId(rs, 'start:fastapi-back').status).toBe('skip');
    expect(byId(rs, 'rest:fastapi-front->fastapi-back').status).toBe('skip');
  });
});

describe('conformance tree reading', () => {
  it('reads only what is a tree, and walks every answer', () => {
    expect(readTree(null)).toBeNull();
    expect(readTree({ language: 'Go' })).toBeNull();
    const t = readTree({ service: 'a', calls: [{ via: 'rest', ok: 'yes', tree: { service: 'b' } }, 7, { ok: true }] });
    expect(t?.calls).toHaveLength(1);
    expect(t?.calls[0]?.ok).toBe(false);
    expect([...walk(t as PingNode)].map((n) => n.service)).toEqual(['a', 'b']);
  });
});

describe('conformance plan', () => {
  it('maps every node to distinct free ports on 127.0.0.1, pings entries, creates Kafka topics', async () => {
    const d = fixtures()['polyglot-all'];
    if (!d) throw new Error('fixture');
    const plan = await makePlan(d);
    const ports = d.nodes.flatMap((n) => [plan.resolver.port(n), plan.resolver.grpcPort(n)]);
    expect(new Set(ports).size).toBe(ports.length);
    // a Celery worker is called by no service: it is pinged as an entry too
    expect(plan.entries.map((w) => w.node.name)).toEqual(['bff', 'worker']);
    expect(plan.consumers.map((w) => w.node.name).sort()).toEqual([
      'analytics',
      'bff',
      'notifier',
      'orders',
      'reviews',
      'storefront',
      'trends',
      'worker',
    ]);
    expect([...plan.kafkaTopics.values()]).toEqual([['order-events']]);
    expect(plan.infra.map((n) => n.kind).sort()).toEqual(['kafka', 'nats', 'postgres', 'rabbitmq', 'redis']);
    // a service starts after the services it calls
    const wave = new Map(plan.waves.flatMap((w, i) => w.map((s) => [s.node.name, i])));
    expect(wave.get('pricing')).toBeLessThan(wave.get('analytics') ?? -1);
    expect(wave.get('orders')).toBeLessThan(wave.get('bff') ?? -1);
  });
});

describe('conformance fixtures', () => {
  const all = fixtures();

  it('are the committed files (run conformance/fixtures/make.ts after changing it)', () => {
    for (const [name, d] of Object.entries(all)) {
      const file = join(fileURLToPath(new URL('../conformance/fixtures/', import.meta.url)), `${name}.json`);
      expect(JSON.parse(readFileSync(file, 'utf8')), name).toEqual(JSON.parse(JSON.stringify(d)));
    }
  });

  it('make every tier-1 runtime a REST and gRPC client and server, producer and consumer', () => {
    const tier1 = (Object.keys(RUNTIMES) as RuntimeId[]).filter((r) => RUNTIMES[r].tier === 1);
    for (const rt of tier1) {
      const d = all[rt];
      if (!d) throw new Error(`no fixture for ${rt}`);
      const ws = wireServices(d);
      const roles = new Set(
        ws.flatMap((w) => [
          ...(w.rest.length ? ['rest-client'] : []),
          ...(w.incomingRest.length ? ['rest-server'] : []),
          ...(w.grpc.length ? ['grpc-client'] : []),
          ...(w.servesGrpc ? ['grpc-server'] : []),
          ...(w.publishes.length ? ['producer'] : []),
          ...(w.subscribes.length ? ['consumer'] : []),
        ]),
      );
      // a task worker serves no API: it consumes tasks, publishes and uses a database; a runtime
      // whose stub has no gRPC (the checker names such links) is every other role
      const grpc = RUNTIMES[rt].grpc ? ['grpc-client', 'grpc-server'] : [];
      expect([...roles].sort(), rt).toEqual(
        isWorker(rt)
          ? ['consumer', 'producer']
          : ['consumer', ...grpc, 'producer', 'rest-client', 'rest-server'].sort(),
      );
      // a worker's tasks come from services of the HTTP runtimes
      if (isWorker(rt)) expect(ws.some((w) => w.runtime === rt && w.publishes.length > 0)).toBe(true);
      else expect(ws.every((w) => w.runtime === rt)).toBe(true);
    }
    const poly = all['polyglot-all'];
    if (!poly) throw new Error('polyglot-all');
    const ws = wireServices(poly);
    for (const rt of tier1) {
      const mine = ws.filter((w) => w.runtime === rt);
      // a task worker serves no API (its own fixture proves it)
      if (isWorker(rt)) continue;
      expect(
        mine.some((w) => w.rest.length + w.grpc.length > 0),
        `${rt} calls`,
      ).toBe(true);
      expect(
        mine.some((w) => w.incomingRest.length + w.incomingGrpc.length > 0),
        `${rt} is called`,
      ).toBe(true);
    }
    const brokers = new Set(ws.flatMap((w) => w.publishes.map((q) => q.brokerKind)));
    expect([...brokers].sort()).toEqual(['kafka', 'nats', 'rabbitmq', 'redis']);
    expect(new Set(ws.map((w) => dnsLabel(w.node.name))).size).toBe(ws.length);
  });

  it('have no link a stub cannot serve (gRPC, a broker or database its runtime cannot use)', () => {
    const rules = ['grpc-unsupported', 'grpc-client-unsupported', 'infra-unsupported'];
    for (const [name, d] of Object.entries(all))
      expect(
        checkDesign(d).filter((f) => rules.includes(f.rule)),
        name,
      ).toEqual([]);
  });

  it('make every tier-1 runtime publish to and consume from every broker in the ring that it can use', () => {
    const ring = all['brokers-ring'];
    if (!ring) throw new Error('brokers-ring');
    const ws = wireServices(ring);
    const tier1 = (Object.keys(RUNTIMES) as RuntimeId[]).filter((r) => RUNTIMES[r].tier === 1);
    for (const rt of tier1.filter((r) => !isWorker(r))) {
      const w = ws.find((x) => x.runtime === rt);
      const kinds = (qs: { brokerKind: string }[] | undefined) => [...new Set(qs?.map((q) => q.brokerKind))].sort();
      const usable = ['kafka', 'nats', 'rabbitmq', 'redis'].filter((b) => !unsupportedInfra(rt).includes(b));
      expect(kinds(w?.publishes), rt).toEqual(usable);
      expect(kinds(w?.subscribes), rt).toEqual(usable);
    }
  });
});
