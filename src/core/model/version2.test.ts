import { describe, expect, it } from 'vitest';
import { updateNode } from '../ops/ops';
import { imageProblem, imageRepository } from './image';
import { MIGRATIONS } from './migrations';
import { restore, type RestoreResult } from './restore';
import { DESIGN_FORMAT, emptyDesign, publishedPort, type Design } from './types';

function ok(r: RestoreResult): Extract<RestoreResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}

const v1 = {
  format: DESIGN_FORMAT,
  version: 1,
  name: 'legacy',
  nodes: [
    {
      id: 'a',
      kind: 'python-fastapi',
      name: 'api',
      position: { x: 1, y: 2 },
      port: 8000,
      grpcPort: 50051,
      replicas: 1,
      env: [],
      description: '',
    },
    {
      id: 'p',
      kind: 'postgres',
      name: 'db',
      position: { x: 3, y: 4 },
      port: 5432,
      grpcPort: 0,
      replicas: 1,
      env: [],
      description: '',
    },
  ],
  links: [{ id: 'l', kind: 'database', source: 'a', target: 'p', endpoints: [], rpcs: [], topic: '', message: [] }],
  viewport: { x: 0, y: 0, zoom: 1 },
};

describe('design version 2', () => {
  it('loads a version-1 document unchanged (but for version 3 contracts: none here)', () => {
    const r = ok(restore(structuredClone(v1)));
    expect(r.warnings).toEqual([]);
    expect(r.design.version).toBe(3);
    const { endpoints: _e, rpcs: _r, message: _m, ...link } = v1.links[0] ?? {};
    expect(r.design).toEqual({ ...v1, version: 3, links: [link], types: [] });
    // the nodes gain no fields: no image, published on their own port
    expect(r.design.nodes.every((n) => !('image' in n) && !('hostPort' in n))).toBe(true);
    expect(r.design.nodes.map(publishedPort)).toEqual([8000, 5432]);
  });

  it('the migration only changes the version', () => {
    const step = MIGRATIONS[1];
    expect(step).toBeDefined();
    expect(step?.({ ...v1 }, [])).toEqual({ ...v1, version: 2 });
  });

  it('keeps a container with its image and a host port that differs from its port', () => {
    const doc = {
      ...v1,
      version: 2,
      nodes: [
        { ...v1.nodes[0], image: 'ghcr.io/acme/api:1.4', hostPort: 18000 },
        { id: 'c', kind: 'container', name: 'mailer', port: 80, image: 'mailhog/mailhog:v1.0.1', hostPort: 0 },
      ],
      links: [],
    };
    const r = ok(restore(doc));
    expect(r.warnings).toEqual([]);
    expect(r.design.nodes.map((n) => [n.kind, n.image, n.hostPort])).toEqual([
      ['python-fastapi', 'ghcr.io/acme/api:1.4', 18000],
      ['container', 'mailhog/mailhog:v1.0.1', 0],
    ]);
    expect(r.design.nodes.map(publishedPort)).toEqual([18000, null]);
  });

  it.each([
    ['a shell command', 'nginx; rm -rf /'],
    ['a newline', 'nginx\nports: ["22:22"]'],
    ['a quote', 'nginx"'],
    ['upper case', 'Nginx:1.27'],
    ['a variable', '${REGISTRY}/api'],
    ['a path', '../../etc/passwd'],
    ['spaces', 'my image'],
    ['too long', `a${'b'.repeat(300)}`],
    ['empty', ''],
    ['a number', 42],
  ])('removes an image that is %s, saying why', (_, image) => {
    const r = ok(
      restore({ ...v1, version: 2, links: [], nodes: [{ id: 'c', kind: 'container', name: 'box', image }] }),
    );
    expect(r.design.nodes[0]?.image).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^The image of box \(.+\) was removed: /);
  });

  it.each([[-1], [65536], [1.5], ['8080'], [Number.NaN], [null]])(
    'removes a host port of %s, saying why',
    (hostPort) => {
      const r = ok(
        restore({ ...v1, version: 2, links: [], nodes: [{ id: 'c', kind: 'container', name: 'box', hostPort }] }),
      );
      expect(r.design.nodes[0]?.hostPort).toBeUndefined();
      expect(r.warnings).toEqual([
        `The host port of box (${Number.isNaN(hostPort) ? 'NaN' : JSON.stringify(hostPort)}) was removed: it must be a whole number from 1 to 65535 (or 0 to publish none); box publishes its port 8080.`,
      ]);
    },
  );

  it.each([
    'nginx',
    'nginx:1.27-alpine',
    'bitnami/kafka:3.6',
    'confluentinc/cp-kafka:7.6.1',
    'localhost:5000/team/app:dev',
    'registry.example.com:443/a/b/c:v1',
    `postgres@sha256:${'a'.repeat(64)}`,
    'docker.io/library/redis:7',
  ])('accepts the image reference %s', (image) => {
    expect(imageProblem(image)).toBeNull();
  });

  it('finds the repository of an image', () => {
    expect(imageRepository('docker.io/bitnami/kafka:3.6')).toBe('bitnami/kafka');
    expect(imageRepository('localhost:5000/app:dev')).toBe('app');
    expect(imageRepository('postgres')).toBe('postgres');
    expect(imageRepository(`mongo@sha256:${'a'.repeat(64)}`)).toBe('mongo');
  });

  it('the inspector edit refuses a bad image or host port with the reason', () => {
    const d: Design = {
      ...emptyDesign(),
      nodes: [
        {
          id: 'c',
          kind: 'container',
          name: 'box',
          position: { x: 0, y: 0 },
          port: 80,
          grpcPort: 0,
          replicas: 1,
          env: [],
          description: '',
        },
      ],
    };
    const bad = updateNode(d, 'c', { image: 'x y' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/not an image reference/);
    expect(updateNode(d, 'c', { hostPort: 70000 }).ok).toBe(false);
    const good = updateNode(d, 'c', { image: 'mailhog/mailhog:v1.0.1', hostPort: 0 });
    expect(good.ok && good.design.nodes[0]).toMatchObject({ image: 'mailhog/mailhog:v1.0.1', hostPort: 0 });
  });
});
