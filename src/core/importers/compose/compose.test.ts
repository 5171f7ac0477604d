import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateProject } from '../../generators/project';
import { exportProblems } from '../../generators/problems';
import type { Design } from '../../model/types';
import { importCompose, type ComposeImport } from './index';
import { parseShortPort } from './service';
import broken from '../../../../test/fixtures/compose/broken.yaml?raw';
import legacyV2 from '../../../../test/fixtures/compose/legacy-v2.yml?raw';
import longSyntax from '../../../../test/fixtures/compose/long-syntax.yaml?raw';
import shopV3 from '../../../../test/fixtures/compose/shop-v3.yaml?raw';

const FIXTURES: Record<string, string> = {
  'shop-v3.yaml': shopV3,
  'long-syntax.yaml': longSyntax,
  'legacy-v2.yml': legacyV2,
  'broken.yaml': broken,
};
const read = (name: string) => FIXTURES[name] ?? '';

function ok(r: ComposeImport): Extract<ComposeImport, { ok: true }> {
  if (!r.ok) throw new Error(`expected an import, got: ${r.error}`);
  return r;
}

const nodes = (d: Design) => Object.fromEntries(d.nodes.map((n) => [n.name, n]));
function links(d: Design): string[] {
  const name = new Map(d.nodes.map((n) => [n.id, n.name]));
  return d.links
    .map((l) => `${name.get(l.source)} -${l.kind}${l.topic ? `(${l.topic})` : ''}-> ${name.get(l.target)}`)
    .sort();
}

type ComposeSvc = { image?: string; ports?: string[]; labels?: Record<string, string> };
function exportedCompose(d: Design): Record<string, ComposeSvc> {
  const file = generateProject(d).find((f) => f.path === 'compose.yaml');
  return (parse(file?.content ?? '') as { services: Record<string, ComposeSvc> }).services;
}

describe('compose import: a version 3 file in short syntax', () => {
  const r = ok(importCompose(read('shop-v3.yaml'), 'shop-v3.yaml'));
  const n = nodes(r.design);

  it('makes a node of every service, with its kind inferred from image or build', () => {
    expect(r.design.name).toBe('shop-v3');
    expect(Object.fromEntries(r.design.nodes.map((x) => [x.name, x.kind]))).toEqual({
      gateway: 'gateway',
      orders: 'python-fastapi',
      catalog: 'go-nethttp',
      pricing: 'java-spring',
      mailer: 'container',
      db: 'postgres',
      rabbitmq: 'rabbitmq',
      cache: 'redis',
      mailhog: 'container',
    });
  });

  it('keeps images, ports and published host ports', () => {
    expect(n.orders).toMatchObject({ image: 'acme/orders:1.4', port: 8000 });
    expect(n.orders?.hostPort).toBeUndefined();
    expect(n.catalog).toMatchObject({ port: 8080, hostPort: 8081 });
    expect(n.catalog?.image).toBeUndefined();
    expect(n.db).toMatchObject({ image: 'postgres:16-alpine', port: 5432, hostPort: 0 });
    expect(n.mailhog).toMatchObject({ image: 'mailhog/mailhog:v1.0.1', port: 8025 });
    // reached only over gRPC: that port serves gRPC, HTTP gets the runtime's default
    expect(n.pricing).toMatchObject({ port: 8080, grpcPort: 50051, hostPort: 0 });
    expect(n.orders?.env).toContainEqual({ key: 'AMQP_HOST', value: 'rabbitmq' });
  });

  it('infers links from depends_on and from environment values that name a service', () => {
    expect(links(r.design)).toEqual([
      'catalog -database-> cache',
      'catalog -grpc-> pricing',
      'gateway -rest-> catalog',
      'gateway -rest-> orders',
      'orders -database-> db',
      'orders -queue(orders.created)-> rabbitmq',
      'orders -rest-> catalog',
      'rabbitmq -queue(orders.created)-> mailer',
    ]);
  });

  it('lists what it could not map', () => {
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'The top-level version: "3.8" was left out: the Compose Specification made it obsolete, and docker compose ignores it.',
        expect.stringMatching(
          /^pricing: it runs the base image eclipse-temurin:21-jre with no build; .* exported as written, with no stub generated/,
        ),
        expect.stringMatching(/^mailer: its language could not be told from the build context "\.\/mailer"/),
        'rabbitmq: the design shows port 5672; 15672:15672 is kept in the exported compose file as written, but not in the Kubernetes manifests.',
        expect.stringMatching(/^orders: keeps its own build \(context \.\/orders-python, image acme\/orders:1\.4\)/),
        expect.stringMatching(/^catalog: keeps its own build/),
        expect.stringMatching(/^mailer: keeps its own build/),
        expect.stringMatching(/^Every setting of gateway, orders, .* is kept as written and exported unchanged/),
      ]),
    );
    expect(r.warnings).toHaveLength(8);
  });

  it('exports a compose.yaml with the same services, images and published ports', () => {
    expect(exportProblems(r.design).filter((p) => p.severity === 'error')).toEqual([]);
    const original = (parse(read('shop-v3.yaml')) as { services: Record<string, ComposeSvc> }).services;
    const exported = exportedCompose(r.design);
    expect(Object.keys(exported)).toEqual(expect.arrayContaining(Object.keys(original)));
    for (const [name, svc] of Object.entries(original)) {
      const out = exported[name];
      // every service keeps its entry as written: image, build and every port
      expect(out, name).toEqual(svc);
    }
  });
});

describe('compose import: long syntax, anchors, extends, profiles', () => {
  const r = ok(importCompose(read('long-syntax.yaml'), 'compose.yaml'));
  const n = nodes(r.design);

  it('reads merge keys, extends and long ports; the project is named by the file', () => {
    expect(r.design.name).toBe('telemetry');
    expect(Object.fromEntries(r.design.nodes.map((x) => [x.name, x.kind]))).toEqual({
      'base-worker': 'container',
      ingest: 'go-nethttp',
      enricher: 'container',
      metadata: 'node-express',
      kafka: 'kafka',
      mongo: 'mongodb',
      grafana: 'container',
    });
    // extends: enricher runs its base's image, with the base's environment merged under its own
    expect(n.enricher?.image).toBe('ghcr.io/acme/worker-base:2.1');
    expect(n.enricher?.env.map((e) => e.key)).toEqual(
      expect.arrayContaining(['LOG_LEVEL', 'OTEL_EXPORTER', 'KAFKA_BOOTSTRAP_SERVERS', 'CONSUMER_GROUP']),
    );
    // ${INGEST_TAG:-0.9.0} takes its default
    expect(n.ingest).toMatchObject({ image: 'ghcr.io/acme/ingest:0.9.0', port: 8080, hostPort: 18080 });
    expect(n.grafana).toMatchObject({ port: 3000, hostPort: 3001 });
    expect(n.ingest?.env).toContainEqual({ key: 'SECRET_TOKEN', value: '' });
    expect(n.metadata?.description).toContain('networks backend, frontend');
  });

  it('links consumers, producers, callers and databases; the alias "meta" is metadata too', () => {
    expect(links(r.design)).toEqual([
      'enricher -rest-> metadata',
      'ingest -queue(telemetry.raw)-> kafka',
      'ingest -rest-> metadata',
      'kafka -queue(telemetry.raw)-> enricher',
      'metadata -database-> mongo',
    ]);
  });

  it('warns about the env file, volumes, networks, profiles, variables and foreign images', () => {
    const w = r.warnings.join('\n');
    expect(w).toContain(
      'base-worker: the env file ./config/common.env is not read into the design; the exported compose file still names it',
    );
    // volumes, networks and profiles are kept as written: nothing to warn about
    expect(w).not.toMatch(/volumes are not part of the design|Networks \(|profiles were imported/);
    expect(w).toMatch(/^Every setting of base-worker, ingest, enricher, .* is kept as written/m);
    expect(w).toContain('Variables with no default were left empty in the design: INGEST_TOKEN');
    expect(w).toContain(
      'kafka: the exported settings are written for apache/kafka:3.9.1; check them against bitnami/kafka:3.7.',
    );
    expect(w).toContain(
      'ingest: the design shows port 8080; 19090:9090 is kept in the exported compose file as written, but not in the Kubernetes manifests.',
    );
    // named volumes of stateful infrastructure are what the export makes anyway: no warning
    expect(w).not.toMatch(/^(kafka|mongo): volumes/m);
  });

  it('exports the same images and published ports', () => {
    const exported = exportedCompose(r.design);
    // as written: the interpolation, the long port syntax
    expect(exported.ingest).toMatchObject({
      image: 'ghcr.io/acme/ingest:${INGEST_TAG:-0.9.0}',
      ports: [
        { target: 8080, published: '18080', protocol: 'tcp', mode: 'host' },
        { target: 9090, published: 19090 },
      ],
    });
    expect(exported.grafana).toMatchObject({ image: 'grafana/grafana:11.1.0' });
    expect(exported.kafka?.image).toBe('bitnami/kafka:3.7');
    expect(exported.mongo?.ports).toBeUndefined();
  });
});

describe('compose import: an old version 2 file', () => {
  const r = ok(importCompose(read('legacy-v2.yml'), 'legacy-v2.yml'));

  it('maps services, links and celery on redis', () => {
    expect(Object.fromEntries(r.design.nodes.map((x) => [x.name, x.kind]))).toEqual({
      web: 'python-flask',
      worker: 'python-flask',
      redis: 'redis',
      mysql: 'container',
    });
    expect(links(r.design)).toEqual(['redis -queue(web-events)-> worker', 'web -queue(web-events)-> redis']);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Every setting of web, worker, redis, mysql .* kept as written/),
        expect.stringMatching(/^web uses redis, but no topic or queue is named/),
      ]),
    );
  });
});

describe('compose import: bad input', () => {
  it('refuses broken YAML with the line', () => {
    const r = importCompose(read('broken.yaml'), 'broken.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^The file is not valid YAML: .*line \d+/);
  });

  it.each([
    ['an empty file', '', /it is empty/],
    ['only comments', '# nothing here\n', /it is empty/],
    ['a list', '- a\n- b\n', /top level is not a mapping/],
    ['no services', 'volumes:\n  data: {}\n', /no "services:" mapping/],
    ['empty services', 'services: {}\n', /no services to import/],
    ['services as a list', 'services:\n  - a\n', /no "services:" mapping/],
  ])('refuses %s with a reason', (_, text, why) => {
    const r = importCompose(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('refuses an alias bomb quickly', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      rows.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(',')}]`,
      );
    }
    const t = Date.now();
    const r = importCompose(`${rows.join('\n')}\nservices:\n  s:\n    image: nginx\n    labels: *i\n`);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatch(
        /^The file expands to more than 500,000 values through its anchors, aliases and merge keys\. That is over the import limit/,
      );
  });

  it('survives hostile names, images and values', () => {
    const r = ok(
      importCompose(`services:
  "; rm -rf /":
    image: "nginx; rm -rf /"
    ports: ["99999:80", "abc", {target: "x"}]
    environment: ["BAD KEY=1", "OK=$$HOME"]
  "../../etc":
    build: 12
    depends_on: ["nowhere", "../../etc"]
  a_b:
    image: redis
  a-b:
    image: redis
    extends: a-b
`),
    );
    expect(r.design.nodes).toHaveLength(4);
    expect(r.design.nodes.every((n) => n.image === undefined || !/[; ]/.test(n.image))).toBe(true);
    expect(new Set(r.design.nodes.map((n) => n.name)).size).toBe(4);
    const w = r.warnings.join('\n');
    expect(w).toContain('is not a usable image reference');
    expect(w).toContain('3 ports "99999:80", "abc", {"target":"x"} could not be read and were left out');
    expect(w).toContain('has a name a shell cannot use');
    expect(w).toContain('depends on "nowhere", which is not a service of this file');
    expect(w).toContain('its extends chain loops back');
    expect(r.design.nodes[0]?.env).toEqual([{ key: 'OK', value: '$HOME' }]);
  });
});

describe('short port syntax', () => {
  it.each([
    ['80', { host: null, container: 80 }],
    ['8080:80', { host: 8080, container: 80 }],
    ['127.0.0.1:8080:80/tcp', { host: 8080, container: 80 }],
    ['[::1]:6001:6001', { host: 6001, container: 6001 }],
    ['9090-9091:8080-8081', { host: 9090, container: 8080 }],
    ['127.0.0.1::5000', { host: null, container: 5000 }],
    ['6060:6060/udp', { host: 6060, container: 6060 }],
  ])('%s', (spec, want) => expect(parseShortPort(spec)).toEqual(want));

  it.each(['', 'abc', '70000', '1:2:3:4', 'a:80'])('refuses %j', (spec) => expect(parseShortPort(spec)).toBeNull());
});
