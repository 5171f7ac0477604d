import { describe, expect, it } from 'vitest';
import { RUNTIMES, type NodeKind } from '../catalog/catalog';
import { emptyDesign, type Design } from '../model/types';
import {
  addNode,
  allowedLinkKinds,
  connect,
  duplicateElements,
  freePort,
  linkProblem,
  moveNodes,
  removeElements,
  renameProject,
  uniqueName,
  updateLink,
  updateNode,
  type OpResult,
} from './ops';

function ok<T extends object>(r: OpResult<T>): Extract<OpResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r as Extract<OpResult<T>, { ok: true }>;
}

function reason(r: OpResult<object>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

/** A design with one node of each given kind, ids equal to the names given. */
function build(nodes: [string, NodeKind][]): Design {
  let d = emptyDesign('shop');
  for (const [id, kind] of nodes) d = ok(addNode(d, { kind, id, name: id, position: { x: 0, y: 0 } })).design;
  return d;
}

describe('addNode', () => {
  it('gives each node a unique name and a free host port', () => {
    let d = emptyDesign();
    for (let i = 0; i < 3; i++) d = ok(addNode(d, { kind: 'go-nethttp', position: { x: 10.4, y: 20.6 } })).design;
    d = ok(addNode(d, { kind: 'java-spring', position: { x: 0, y: 0 } })).design;
    expect(d.nodes.map((n) => n.name)).toEqual(['go-service', 'go-service-2', 'go-service-3', 'java-service']);
    expect(d.nodes.map((n) => n.port)).toEqual([8080, 8081, 8082, 8083]);
    expect(d.nodes[0]?.position).toEqual({ x: 10, y: 21 });
    expect(new Set(d.nodes.map((n) => n.id)).size).toBe(4);
  });

  it('gives services a gRPC port and infrastructure none', () => {
    const d = build([
      ['a', 'rust-axum'],
      ['k', 'kafka'],
    ]);
    expect(d.nodes[0]?.grpcPort).toBe(50051);
    expect(d.nodes[1]?.grpcPort).toBe(0);
    expect(d.nodes[1]?.port).toBe(9092);
  });

  it('does not mutate its input', () => {
    const d = emptyDesign();
    const r = ok(addNode(d, { kind: 'redis', position: { x: 0, y: 0 } }));
    expect(d.nodes).toHaveLength(0);
    expect(r.design.nodes).toHaveLength(1);
  });

  it('avoids names whose package would clash', () => {
    const d = build([['orders2', 'go-nethttp']]);
    const name = uniqueName(d, 'orders');
    expect(name).toBe('orders');
    const d2 = ok(addNode(d, { kind: 'go-nethttp', name: 'orders', position: { x: 0, y: 0 } })).design;
    // "orders-2" would share the package "orders2"
    expect(uniqueName(d2, 'orders')).toBe('orders-3');
  });

  it('freePort skips used and reserved ports', () => {
    const d = build([['a', 'go-nethttp']]);
    expect(freePort(d, 8080)).toBe(8081);
    expect(freePort(d, 8080, new Set([8081]))).toBe(8082);
  });
});

describe('connect: default kinds', () => {
  const d = build([
    ['api', 'python-fastapi'],
    ['inv', 'go-nethttp'],
    ['kafka', 'kafka'],
    ['pg', 'postgres'],
    ['redis', 'redis'],
    ['web', 'frontend'],
  ]);

  it.each([
    ['api', 'inv', 'rest'],
    ['api', 'kafka', 'queue'],
    ['kafka', 'inv', 'queue'],
    ['api', 'pg', 'database'],
    ['api', 'redis', 'queue'],
    ['web', 'api', 'rest'],
  ] as const)('%s -> %s is %s', (source, target, kind) => {
    const r = ok(connect(d, { source, target }));
    expect(r.link.kind).toBe(kind);
    expect(r.design.links).toHaveLength(1);
  });

  it('gives a target that serves nothing yet a starter endpoint or RPC, and a broker its channel', () => {
    const rest = ok(connect(d, { source: 'api', target: 'inv' }));
    const inv = (x: Design) => x.nodes.find((n) => n.id === 'inv');
    expect(inv(rest.design)?.api?.rest.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /inv/{id}']);
    expect(rest.link.uses).toBeUndefined();
    const grpc = ok(connect(rest.design, { source: 'api', target: 'inv', kind: 'grpc' }));
    expect(inv(grpc.design)?.api?.grpc[0]?.rpcs.map((r) => r.name)).toEqual(['GetItem']);
    // a second caller uses what is there: no second starter
    const again = ok(connect(grpc.design, { source: 'web', target: 'inv' }));
    expect(inv(again.design)?.api?.rest).toHaveLength(1);
    expect(again.design.types).toHaveLength(grpc.design.types.length);
    const pub = ok(connect(d, { source: 'api', target: 'kafka' }));
    expect(pub.link.topic).toBe('api-events');
    const kafka = pub.design.nodes.find((n) => n.id === 'kafka');
    expect(kafka?.channels?.map((c) => c.topic)).toEqual(['api-events']);
    // a subscription picks up the topic already on that broker, and its one message
    const sub = ok(connect(pub.design, { source: 'kafka', target: 'inv' }));
    expect(sub.link.topic).toBe('api-events');
    expect(sub.design.nodes.find((n) => n.id === 'kafka')?.channels).toEqual(kafka?.channels);
  });

  it('offers gRPC only between services and database links to Redis', () => {
    expect(allowedLinkKinds('python-fastapi', 'go-nethttp')).toEqual(['rest', 'grpc']);
    expect(allowedLinkKinds('python-fastapi', 'python-django')).toEqual(['rest', 'grpc']);
    expect(allowedLinkKinds('python-fastapi', 'redis')).toEqual(['queue', 'database']);
    expect(allowedLinkKinds('postgres', 'python-fastapi')).toEqual([]);
  });
});

describe('connect: refusals with reasons', () => {
  const d = build([
    ['api', 'python-fastapi'],
    ['inv', 'go-nethttp'],
    ['pg', 'postgres'],
    ['kafka', 'kafka'],
    ['dj', 'python-django'],
  ]);

  it('refuses gRPC into PostgreSQL', () => {
    expect(reason(connect(d, { source: 'api', target: 'pg', kind: 'grpc' }))).toMatch(/gRPC calls go to a service/);
  });
  it('refuses a queue link between two services, explaining the broker', () => {
    expect(reason(connect(d, { source: 'api', target: 'inv', kind: 'queue' }))).toMatch(/needs a broker/);
  });
  it('refuses a link from a database, whatever the kind', () => {
    expect(reason(connect(d, { source: 'pg', target: 'api' }))).toMatch(/database: it does not call anything/);
    for (const kind of ['rest', 'grpc', 'queue', 'database'] as const)
      expect(connect(d, { source: 'pg', target: 'api', kind }).ok).toBe(false);
  });
  it('refuses gRPC into a runtime without gRPC', () => {
    // every catalog runtime serves gRPC today: the rule is kept for one that will not
    const entry = RUNTIMES['python-django'] as { grpc: boolean };
    entry.grpc = false;
    try {
      expect(reason(connect(d, { source: 'api', target: 'dj', kind: 'grpc' }))).toMatch(/cannot serve gRPC/);
    } finally {
      entry.grpc = true;
    }
  });
  it('refuses a self link', () => {
    expect(reason(connect(d, { source: 'api', target: 'api' }))).toMatch(/itself/);
  });
  it('refuses a missing end', () => {
    expect(reason(connect(d, { source: 'api', target: 'nope' }))).toMatch(/canvas/);
  });
  it('refuses a duplicate but allows another kind between the same pair', () => {
    const once = ok(connect(d, { source: 'api', target: 'inv' })).design;
    expect(reason(connect(once, { source: 'api', target: 'inv' }))).toMatch(/already has a REST link/);
    expect(connect(once, { source: 'api', target: 'inv', kind: 'grpc' }).ok).toBe(true);
  });
  it('explains a non-service publishing to a broker', () => {
    expect(linkProblem('frontend', 'kafka', 'queue')).toMatch(/Only services publish/);
    expect(linkProblem('kafka', 'postgres', 'queue')).not.toBeNull();
  });
});

describe('removeElements', () => {
  const base = build([
    ['a', 'node-express'],
    ['b', 'rust-axum'],
    ['c', 'java-spring'],
  ]);
  const d1 = ok(connect(base, { source: 'a', target: 'b', id: 'ab' })).design;
  const d = ok(connect(d1, { source: 'b', target: 'c', id: 'bc' })).design;

  it('drops the links of removed nodes', () => {
    const r = removeElements(d, ['b']);
    expect(r.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(r.links).toEqual([]);
  });
  it('removes a link alone', () => {
    const r = removeElements(d, ['ab']);
    expect(r.nodes).toHaveLength(3);
    expect(r.links.map((l) => l.id)).toEqual(['bc']);
  });
  it('returns the same design when nothing matches', () => {
    expect(removeElements(d, ['zzz'])).toBe(d);
  });
});

describe('moveNodes', () => {
  const d = build([
    ['a', 'node-express'],
    ['b', 'rust-axum'],
  ]);
  it('replaces only the moved node', () => {
    const r = moveNodes(d, new Map([['a', { x: 5, y: 6 }]]));
    expect(r.nodes[0]?.position).toEqual({ x: 5, y: 6 });
    expect(r.nodes[0]).not.toBe(d.nodes[0]);
    expect(r.nodes[1]).toBe(d.nodes[1]);
    expect(d.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });
  it('returns the same design for a move to the same place', () => {
    expect(moveNodes(d, new Map([['a', { x: 0, y: 0 }]]))).toBe(d);
  });
});

describe('updateNode', () => {
  const d = build([
    ['a', 'node-express'],
    ['b', 'rust-axum'],
  ]);
  it('renames when the name is free', () => {
    const r = ok(updateNode(d, 'a', { name: 'Gateway BFF' }));
    expect(r.design.nodes[0]?.name).toBe('Gateway BFF');
    expect(r.design.nodes[1]).toBe(d.nodes[1]);
  });
  it('refuses a clashing, empty or broken name', () => {
    expect(reason(updateNode(d, 'a', { name: 'B' }))).toMatch(/same host name/);
    expect(reason(updateNode(d, 'a', { name: '  ' }))).toMatch(/required/);
    expect(reason(updateNode(d, 'a', { name: 'x\ny' }))).toMatch(/line breaks/);
  });
  it('refuses bad ports and replicas, and a missing node', () => {
    expect(reason(updateNode(d, 'a', { port: 0 }))).toMatch(/port/);
    expect(reason(updateNode(d, 'a', { grpcPort: 70000 }))).toMatch(/port/);
    expect(reason(updateNode(d, 'a', { replicas: 1.5 }))).toMatch(/Replicas/);
    expect(reason(updateNode(d, 'zz', { port: 80 }))).toMatch(/no longer exists/);
  });
});

describe('updateLink', () => {
  const base = build([
    ['a', 'node-express'],
    ['b', 'rust-axum'],
    ['k', 'kafka'],
  ]);
  const d = ok(connect(base, { source: 'a', target: 'b', id: 'ab' })).design;
  const dq = ok(connect(d, { source: 'a', target: 'k', id: 'ak' })).design;

  it('changes a kind the ends allow', () => {
    expect(ok(updateLink(dq, 'ab', { kind: 'grpc' })).design.links[0]?.kind).toBe('grpc');
  });
  it('refuses a kind the ends do not allow', () => {
    expect(reason(updateLink(dq, 'ab', { kind: 'queue' }))).toMatch(/broker/);
    expect(reason(updateLink(dq, 'ak', { kind: 'rest' }))).toBeTruthy();
  });
  it('edits contracts and refuses a missing link', () => {
    const r = ok(updateLink(dq, 'ak', { topic: 'orders' }));
    expect(r.design.links[1]?.topic).toBe('orders');
    expect(r.design.links[0]).toBe(dq.links[0]);
    expect(reason(updateLink(dq, 'zz', { topic: 'x' }))).toMatch(/no longer exists/);
  });
});

describe('duplicateElements', () => {
  const base = build([
    ['a', 'node-express'],
    ['b', 'rust-axum'],
    ['c', 'java-spring'],
  ]);
  const d1 = ok(updateNode(base, 'a', { env: [{ key: 'K', value: 'v' }], replicas: 3 })).design;
  const d2 = ok(connect(d1, { source: 'a', target: 'b', id: 'ab' })).design;
  const d = ok(connect(d2, { source: 'b', target: 'c', id: 'bc' })).design;

  it('copies nodes and the links among them with new ids, names and ports', () => {
    const picked = d.nodes.filter((n) => n.id !== 'c');
    const r = duplicateElements(d, picked, d.links);
    expect(r.design.nodes).toHaveLength(5);
    expect(r.design.links).toHaveLength(3); // bc is not copied: c was not picked
    const copies = r.design.nodes.slice(3);
    expect(copies.map((n) => n.name)).toEqual(['a-2', 'b-2']);
    expect(copies[0]?.position).toEqual({ x: 40, y: 40 });
    expect(copies[0]?.replicas).toBe(3);
    expect(copies[0]?.env).toEqual([{ key: 'K', value: 'v' }]);
    expect(copies[0]?.env).not.toBe(d.nodes[0]?.env);
    const link = r.design.links[2];
    expect(link?.source).toBe(copies[0]?.id);
    expect(link?.target).toBe(copies[1]?.id);
    expect(r.ids).toHaveLength(3);
    expect(new Set(r.design.nodes.map((n) => n.port)).size).toBe(5);
  });
});

describe('renameProject', () => {
  it('accepts a name and refuses empty, long and broken ones', () => {
    const d = emptyDesign();
    expect(ok(renameProject(d, 'Shop')).design.name).toBe('Shop');
    expect(reason(renameProject(d, ' '))).toMatch(/needs a name/);
    expect(reason(renameProject(d, 'x'.repeat(101)))).toMatch(/100/);
    expect(reason(renameProject(d, 'a\u0000'))).toMatch(/control/);
  });
});

describe('freePort', () => {
  it('steps over ports published on the host, such as an imported 8000:3000', () => {
    const a = addNode(emptyDesign('p'), { kind: 'node-express', position: { x: 0, y: 0 } });
    if (!a.ok) throw new Error(a.reason);
    const d = { ...a.design, nodes: a.design.nodes.map((n) => ({ ...n, port: 3000, hostPort: 8000 })) };
    const b = addNode(d, { kind: 'python-fastapi', position: { x: 300, y: 0 } });
    if (!b.ok) throw new Error(b.reason);
    expect(b.design.nodes[1]!.port).toBe(8001);
  });
});
