import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFRA, RUNTIMES, isInfra, isRuntime } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import { emptyDesign } from '../../model/types';
import { serviceEnv, wireServices } from '../../model/wiring';
import { composeSteps, generateCompose } from './index';
import { composeDocument } from './compose';
import type { TextMemo } from '../types';
import { composeProblems, findCycle, type ComposeDoc } from './composeCheck';
import { acyclic } from './order';
import { clusterId } from './plan';
import { designArb } from './testArbitrary';
import { dotenvOf, interpolate } from './testDotenv';
import {
  DesignBuilder,
  replicasDesign,
  restCycleDesign,
  scenarios,
  seedDesign,
  shopDesign,
  hostileDesign,
} from './testDesigns';
import type { Design } from '../../model/types';

function compose(design: Design): { doc: ComposeDoc; text: string; problems: string[] } {
  const file = generateCompose(design).find((f) => f.path === 'compose.yaml');
  if (!file) throw new Error('no compose.yaml');
  return { ...composeProblems(file.content), text: file.content };
}

const svc = (doc: ComposeDoc, name: string) => {
  const s = doc.services?.[name];
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

describe('generateCompose', () => {
  it.each(scenarios())('%s: valid against the Compose Specification, with no cycle', (_, design) => {
    const { doc, problems } = compose(design);
    expect(problems).toEqual([]);
    expect(doc.name).toBe(dnsLabel(design.name, 'project'));
    const expected = design.nodes.map((n) => dnsLabel(n.name));
    expect(Object.keys(doc.services ?? {})).toEqual(expect.arrayContaining(expected));
  });

  it('is deterministic', () => {
    expect(generateCompose(shopDesign())).toEqual(generateCompose(shopDesign()));
  });

  it('the schema check does catch a broken file', () => {
    const { problems } = composeProblems(
      'name: x\nversion: "3"\nservices:\n  a:\n    imagee: nginx\n    depends_on: [b]\n',
    );
    expect(problems.some((p) => p.startsWith('schema:'))).toBe(true);
    expect(problems).toContain('top-level version');
    expect(problems).toContain('a depends on missing b');
  });

  it('sets the same environment as serviceEnv, credentials from .env, literal dollars kept', () => {
    for (const design of [shopDesign(), hostileDesign()]) {
      const { doc } = compose(design);
      const dotenv = dotenvOf(design);
      for (const w of wireServices(design)) {
        const env = svc(doc, dnsLabel(w.node.name)).environment ?? {};
        const back = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v), dotenv)]));
        const want = Object.fromEntries(serviceEnv(w).filter(([k]) => /^[A-Za-z_]\w*$/.test(k)));
        expect(back).toEqual(want);
      }
    }
    const { doc } = compose(hostileDesign());
    expect(svc(doc, 'rm-rf').environment?.PASSWORD).toBe('p$$ss: "x"\n- y');
    expect(svc(doc, 'rm-rf').environment).not.toHaveProperty('bad key');
  });

  it('builds every service, publishes HTTP and keeps gRPC internal', () => {
    const design = shopDesign();
    const { doc } = compose(design);
    const inventory = svc(doc, 'inventory');
    expect(inventory.build).toEqual({ context: './services/inventory' });
    expect(inventory.image).toBe('polyglot-shop/inventory:dev');
    expect(inventory.ports).toEqual(['8080:8080']);
    expect(inventory.expose).toEqual(['50051']);
    expect(inventory.restart).toBe('unless-stopped');
    expect(inventory.healthcheck?.test[0]).toBe('CMD-SHELL');
    expect(inventory.healthcheck?.test[1]).toContain('http://127.0.0.1:8080/readyz');
  });

  it('waits for brokers, databases and call targets to be healthy', () => {
    const { doc } = compose(shopDesign());
    expect(svc(doc, 'orders').depends_on).toEqual({
      inventory: { condition: 'service_healthy' },
      billing: { condition: 'service_healthy' },
      rabbitmq: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
      cache: { condition: 'service_healthy' },
    });
    expect(svc(doc, 'web').depends_on).toHaveProperty('edge');
  });

  it('breaks a REST cycle deterministically, keeping the forward edge', () => {
    const { doc, problems } = compose(restCycleDesign());
    expect(problems).toEqual([]);
    expect(Object.keys(svc(doc, 'alpha').depends_on ?? {})).toEqual(['beta']);
    expect(svc(doc, 'beta').depends_on ?? {}).not.toHaveProperty('alpha');
    expect(Object.keys(svc(doc, 'beta').depends_on ?? {})).toEqual(['gamma']);
    expect(svc(doc, 'gamma').depends_on ?? {}).not.toHaveProperty('alpha');
  });

  it('runs Kafka in KRaft mode with a host listener and creates the topics first', () => {
    const { doc } = compose(seedDesign());
    const kafka = svc(doc, 'kafka');
    expect(kafka.image).toBe(INFRA.kafka.image);
    expect(kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_ADVERTISED_LISTENERS: 'INTERNAL://kafka:9092,EXTERNAL://localhost:9092',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    });
    expect(kafka.ports).toEqual(['127.0.0.1:9092:19092']);
    expect(kafka.volumes).toEqual(['kafka-data:/var/lib/kafka/data']);
    expect(doc.volumes).toHaveProperty('kafka-data');
    const init = svc(doc, 'kafka-init');
    expect(init.restart).toBe('no');
    expect(String((init.command as string[])[0])).toContain("--create --if-not-exists --topic 'order-events'");
    expect(svc(doc, 'orders').depends_on).toMatchObject({
      kafka: { condition: 'service_healthy' },
      'kafka-init': { condition: 'service_completed_successfully' },
    });
  });

  it('puts runtimes without a runnable stub under the todo profile, and nobody waits for them', () => {
    const seed = new DesignBuilder('seed');
    const orders = seed.node('python-fastapi', 'orders');
    const kafka = seed.node('kafka');
    const analytics = seed.node('elixir-phoenix', 'analytics');
    seed.link(orders, kafka, 'queue', 'order-events').link(kafka, analytics, 'queue', 'order-events');
    const { doc } = compose(seed.design);
    expect(RUNTIMES['elixir-phoenix'].tier).toBe(2);
    expect(svc(doc, 'analytics').profiles).toEqual(['todo']);
    expect(svc(doc, 'orders').profiles).toBeUndefined();
    const b = new DesignBuilder('todo');
    const caller = b.node('go-nethttp', 'caller');
    const later = b.node('ruby-rails', 'later');
    b.link(caller, later, 'rest');
    const { doc: d2, problems } = compose(b.design);
    expect(problems).toEqual([]);
    expect(svc(d2, 'caller').depends_on).toBeUndefined();
    expect(svc(d2, 'caller').environment?.LATER_URL).toBe('http://later:3000');
  });

  it('scales replicated services without fixed host ports and skips zero-replica targets', () => {
    const { doc, problems } = compose(replicasDesign());
    expect(problems).toEqual([]);
    expect(svc(doc, 'worker').deploy).toEqual({ replicas: 3 });
    expect(svc(doc, 'worker').ports).toEqual(['8000']);
    expect(svc(doc, 'front').deploy).toBeUndefined();
    expect(svc(doc, 'off').deploy).toEqual({ replicas: 0 });
    expect(svc(doc, 'front').depends_on).not.toHaveProperty('off');
    expect(String((svc(doc, 'kafka-init').command as string[])[0])).toContain("--topic 'jobs' --partitions 3");
  });

  it('never publishes one host port twice', () => {
    const b = new DesignBuilder('ports');
    const a = b.node('go-nethttp', 'a');
    const c = b.node('node-express', 'c');
    b.patch(c, { port: 8080 });
    const { doc, problems } = compose(b.design);
    expect(b.design.nodes.find((n) => n.id === a)?.port).toBe(8080);
    expect(problems).toEqual([]);
    expect(svc(doc, 'a').ports).toEqual(['8080:8080']);
    expect(svc(doc, 'c').ports).toEqual(['8080']);
  });

  it('keeps hostile names out of keys, paths and comments', () => {
    const { text, doc, problems } = compose(hostileDesign());
    expect(problems).toEqual([]);
    expect(text.split('\n')[0]).toBe(
      '# Generated by Polyglot Canvas. Start everything with: docker compose up --build',
    );
    for (const name of Object.keys(doc.services ?? {})) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(text).not.toContain('rm -rf');
    expect(text).not.toContain('$(reboot)');
    const files = generateCompose(hostileDesign()).map((f) => f.path);
    for (const p of files) expect(p).toMatch(/^[a-z0-9./-]+$/);
  });

  it('names the topic job clear of a node called like it', () => {
    const b = new DesignBuilder('clash');
    const k = b.node('kafka', 'kafka');
    const s = b.node('go-nethttp', 'kafka-init');
    b.link(s, k, 'queue', 't');
    const { doc, problems } = compose(b.design);
    expect(problems).toEqual([]);
    expect(svc(doc, 'kafka-init').build).toBeDefined();
    expect(svc(doc, 'kafka-init-2').restart).toBe('no');
    expect(svc(doc, 'kafka-init').depends_on).toHaveProperty('kafka-init-2');
  });

  it('starts every piece of infrastructure with a healthcheck, a volume when stateful', () => {
    const { doc } = compose(shopDesign());
    for (const n of shopDesign().nodes) {
      const s = svc(doc, dnsLabel(n.name));
      expect(s.healthcheck, n.name).toBeDefined();
      if (isInfra(n.kind)) {
        expect(s.image).toBe(INFRA[n.kind].image);
        const hasVolume = (s.volumes as string[] | undefined)?.some((v) => v.startsWith(`${dnsLabel(n.name)}-data:`));
        expect(Boolean(hasVolume), n.name).toBe(INFRA[n.kind].stateful);
      }
      if (isRuntime(n.kind)) expect(s.build).toBeDefined();
    }
    expect(svc(doc, 'postgres').environment).toMatchObject({
      POSTGRES_USER: '${POSTGRES_USER:?set POSTGRES_USER in .env}',
      POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}',
      POSTGRES_DB: 'app',
    });
  });

  it('generates the gateway and frontend files it mounts', () => {
    const files = new Map(generateCompose(shopDesign()).map((f) => [f.path, f.content]));
    const gw = files.get('gateway/edge/nginx.conf') ?? '';
    expect(gw).toContain('listen 8088;');
    expect(gw).toContain('location /orders/ {');
    expect(gw).toContain('set $upstream http://orders:8000;');
    expect(gw).toContain('location /search/ {');
    const front = files.get('frontend/web/nginx.conf') ?? '';
    expect(front).toContain('location /api/edge/ {');
    expect(front).toContain('location /api/billing/ {');
    const page = files.get('frontend/web/index.html') ?? '';
    expect(page).toContain('["api/edge/orders/ping","api/edge/search/ping","api/billing/ping"]');
    const { doc } = compose(shopDesign());
    expect(svc(doc, 'edge').volumes).toEqual(['./gateway/edge/nginx.conf:/etc/nginx/conf.d/default.conf:ro']);
    expect(svc(doc, 'edge').ports).toEqual(['8088:8088']);
  });

  it('an empty design is still a valid project', () => {
    const { doc, problems } = compose(emptyDesign('empty'));
    expect(problems).toEqual([]);
    expect(doc.services).toEqual({});
  });

  it('property: random designs always give a valid, acyclic compose file', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const { doc, problems } = compose(design);
        expect(problems).toEqual([]);
        expect(Object.keys(doc.services ?? {}).length).toBeGreaterThanOrEqual(design.nodes.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('clusterId', () => {
  it('is 16 bytes of base64url that Kafka can take as an argument', () => {
    // 'kafka-182' hashed to an id beginning with '-', which kafka-storage format read as an option.
    expect(clusterId('kafka-182')).not.toMatch(/^-/);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 63 }), (seed) => {
        const id = clusterId(seed);
        expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{20}[AQgw]$/);
        expect(Buffer.from(id, 'base64url')).toHaveLength(16);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays the same for a name and differs between brokers', () => {
    expect(clusterId('kafka')).toBe(clusterId('kafka'));
    expect(clusterId('kafka')).not.toBe(clusterId('kafka-2'));
  });
});

describe('acyclic', () => {
  it('drops exactly the back edges of a stable walk', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    const kept = acyclic(['a', 'b', 'c', 'd'], g);
    expect(Object.fromEntries(kept)).toEqual({ a: ['b'], b: ['c'], c: ['d'], d: [] });
    const asServices = Object.fromEntries(
      [...kept].map(([k, v]) => [k, { depends_on: Object.fromEntries(v.map((x) => [x, { condition: 'x' }])) }]),
    );
    expect(findCycle(asServices)).toBeNull();
    expect(
      findCycle({ a: { depends_on: { b: { condition: 'x' } } }, b: { depends_on: { a: { condition: 'x' } } } }),
    ).toEqual(['a', 'b', 'a']);
  });
});

describe('compose.yaml with its services kept (TextMemo)', () => {
  it('is the same file, with one kept text per service, for every scenario and random designs', () => {
    const check = (design: Design) => {
      const keys: string[] = [];
      const memo = {
        text: (slot: string, _data: unknown, make: () => string) => (keys.push(slot), make()),
        data: <T>(_slot: string, data: T) => data,
      };
      const plain = generateCompose(design);
      expect(generateCompose(design, memo)).toEqual(plain);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.every((k) => k.startsWith('compose/'))).toBe(true);
    };
    for (const [, d] of scenarios()) check(d);
    fc.assert(fc.property(designArb, check), { numRuns: 40 });
  });

  it('writes an imported file’s own top-level keys and an empty services map as before', () => {
    const d: Design = {
      ...emptyDesign('imported top'),
      composeTop: { networks: { edge: { driver: 'bridge' } }, 'x-long': 'y'.repeat(1200), empty: {} },
    };
    const memo = {
      text: (_slot: string, _data: unknown, make: () => string) => make(),
      data: <T>(_slot: string, data: T) => data,
    };
    expect(generateCompose(d, memo)).toEqual(generateCompose(d));
  });
});

describe('composeSteps', () => {
  it.each(scenarios())('%s: with a memo, steps for the document and one per service, the same files', (_, design) => {
    const memo: TextMemo = { text: (_slot, _data, make) => make(), data: (_slot, data) => data };
    const steps = composeSteps(design, memo);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    const services = Object.keys(composeDocument(design).services as object).length;
    // the document: per node's dependencies, after their order, per node's entry; then one after
    // it and per service
    expect(yields).toBe(2 * design.nodes.length + 1 + 1 + services);
    expect(step.value).toEqual(generateCompose(design));
  });
});
