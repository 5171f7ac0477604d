import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design, type DesignLink } from '../model/types';
import { addEndpoint, addGrpcService, updateGrpcService } from '../ops/api';
import { addNode, connect, updateLink, updateNode, type LinkPatch, type OpResult } from '../ops/ops';
import type { NodeKind } from '../catalog/catalog';
import { exportProblemSteps, exportProblems, generatedFileProblems, hasExportErrors } from './problems';

function build(nodes: [string, NodeKind, number][]): Design {
  let d = emptyDesign('shop');
  for (const [name, kind, port] of nodes) {
    const r = addNode(d, { kind, name, id: name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error('addNode');
    const u = updateNode(r.design, name, { port });
    if (!u.ok) throw new Error(u.reason);
    d = u.design;
  }
  return d;
}

function ok<T extends object>(r: OpResult<T>): Extract<OpResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

function link(d: Design, source: string, target: string, kind: DesignLink['kind'], patch: LinkPatch = {}) {
  const r = connect(d, { source, target, kind, id: `${source}-${target}` });
  if (!r.ok) throw new Error(r.reason);
  const u = updateLink(r.design, r.id, patch);
  if (!u.ok) throw new Error(u.reason);
  return u.design;
}

describe('exportProblems', () => {
  it('finds nothing in an empty design or a sound one', () => {
    expect(exportProblems(emptyDesign())).toEqual([]);
    let d = build([
      ['bff', 'node-express', 3000],
      ['orders', 'python-fastapi', 8000],
      ['kafka', 'kafka', 9092],
    ]);
    d = link(d, 'bff', 'orders', 'grpc');
    d = link(d, 'orders', 'kafka', 'queue');
    expect(exportProblems(d)).toEqual([]);
  });

  it('reports two nodes publishing the same host port, by name', () => {
    const d = build([
      ['orders', 'python-fastapi', 8080],
      ['billing', 'go-nethttp', 8080],
      ['web', 'frontend', 8081],
    ]);
    const p = exportProblems(d);
    expect(p).toEqual([
      {
        severity: 'error',
        nodeId: 'billing',
        message: expect.stringContaining('orders and billing both publish host port 8080'),
      },
    ]);
    expect(hasExportErrors(p)).toBe(true);
  });

  it('leaves out replicated services, which compose publishes on an ephemeral host port', () => {
    const d = build([
      ['orders', 'python-fastapi', 8080],
      ['billing', 'go-nethttp', 8080],
    ]);
    const r = updateNode(d, 'billing', { replicas: 3 });
    expect(r.ok && exportProblems(r.design)).toEqual([]);
  });

  it('names every node of a three-way port clash', () => {
    const d = build([
      ['a', 'python-fastapi', 9000],
      ['b', 'go-nethttp', 9000],
      ['c', 'redis', 9000],
    ]);
    expect(exportProblems(d)[0]?.message).toContain('a, b and c all publish host port 9000');
  });

  it('reports a gRPC server whose HTTP and gRPC ports are the same, only when it serves gRPC', () => {
    let d = build([
      ['bff', 'node-express', 3000],
      ['inventory', 'go-nethttp', 50051],
    ]);
    expect(exportProblems(d)).toEqual([]);
    d = link(d, 'bff', 'inventory', 'grpc');
    expect(exportProblems(d)).toEqual([
      {
        severity: 'error',
        nodeId: 'inventory',
        message: expect.stringContaining('inventory serves HTTP and gRPC on the same port 50051'),
      },
    ]);
  });

  it('reports a gRPC link into a runtime that cannot serve gRPC', () => {
    let d = build([
      ['bff', 'node-express', 3000],
      ['legacy', 'ruby-rails', 3001],
    ]);
    d = link(d, 'bff', 'legacy', 'rest');
    // the ops refuse such a link; a hand-edited file could still carry one
    d = { ...d, links: d.links.map((l) => ({ ...l, kind: 'grpc' as const })) };
    const p = exportProblems(d);
    expect(
      p.some(
        (x) => x.severity === 'error' && x.linkId === 'bff-legacy' && x.message.includes('legacy cannot serve gRPC'),
      ),
    ).toBe(true);
  });

  it('reports a queue link without a topic, but not a topic that only needs normalising', () => {
    let d = build([
      ['orders', 'python-fastapi', 8000],
      ['kafka', 'kafka', 9092],
    ]);
    d = link(d, 'orders', 'kafka', 'queue', { topic: '   ' });
    expect(exportProblems(d)).toEqual([
      { severity: 'error', linkId: 'orders-kafka', message: 'The queue link orders → kafka has no topic.' },
    ]);
    const ok = updateLink(d, 'orders-kafka', { topic: 'Order Events!' });
    expect(ok.ok && exportProblems(ok.design)).toEqual([]);
  });

  it('warns about a consumer of a topic nobody publishes', () => {
    let d = build([
      ['kafka', 'kafka', 9092],
      ['audit', 'go-nethttp', 8080],
    ]);
    d = link(d, 'kafka', 'audit', 'queue', { topic: 'orders' });
    expect(exportProblems(d)).toEqual([
      {
        severity: 'warning',
        linkId: 'kafka-audit',
        message: 'audit consumes "orders" from kafka, but no service publishes it.',
      },
    ]);
  });

  it('reports endpoints with an empty path and contract paths a service declares', () => {
    let d = build([
      ['bff', 'node-express', 3000],
      ['orders', 'python-fastapi', 8000],
    ]);
    d = ok(addEndpoint(d, 'orders', { method: 'GET', path: '/healthz/' })).design;
    const e = ok(addEndpoint(d, 'orders', { method: 'POST', path: '/orders' }));
    d = {
      ...e.design,
      nodes: e.design.nodes.map((n) =>
        n.id === 'orders' && n.api
          ? { ...n, api: { ...n.api, rest: n.api.rest.map((x) => (x.id === e.id ? { ...x, path: ' ' } : x)) } }
          : n,
      ),
    };
    d = link(d, 'bff', 'orders', 'rest');
    expect(exportProblems(d)).toEqual([
      {
        severity: 'warning',
        nodeId: 'orders',
        message: 'GET /healthz on orders belongs to the service contract; the declared one is skipped.',
      },
      { severity: 'error', nodeId: 'orders', message: 'A POST endpoint of orders has an empty path.' },
    ]);
  });

  it("refuses a variable of the stub's own, two services of one name and two types of one name", () => {
    let d = build([
      ['a', 'go-nethttp', 8080],
      ['b', 'go-nethttp', 8081],
    ]);
    d = ok(
      updateNode(d, 'a', {
        env: [
          { key: 'PORT', value: '50051' },
          { key: 'LOG_LEVEL', value: 'info' },
        ],
      }),
    ).design;
    const s1 = ok(addGrpcService(d, 'a'));
    d = ok(updateGrpcService(s1.design, 'a', s1.id, { name: 'ShopService', package: 'shop.api.v1' })).design;
    const s2 = ok(addGrpcService(d, 'b'));
    // the editor refuses the same full name twice; a hand-edited file can still have it
    d = {
      ...s2.design,
      nodes: s2.design.nodes.map((n) =>
        n.id === 'b'
          ? { ...n, api: { grpc: [{ id: s2.id, name: 'ShopService', package: 'shop.api.v1', rpcs: [] }], rest: [] } }
          : n,
      ),
      types: [
        { id: 't1', kind: 'message', name: 'Money', package: 'shop.v1', fields: [] },
        {
          id: 't2',
          kind: 'enum',
          name: 'Money',
          package: 'shop.v1',
          values: [{ name: 'MONEY_UNSPECIFIED', number: 0 }],
        },
      ],
    };
    expect(exportProblems(d)).toEqual([
      {
        severity: 'error',
        nodeId: 'a',
        message:
          'a sets PORT, which its stub sets itself (its HTTP port); the service would not start as configured. Remove it, or change the port in the inspector.',
      },
      {
        severity: 'error',
        nodeId: 'b',
        message: 'a and b both serve the gRPC service shop.api.v1.ShopService; give one another name or package.',
      },
      { severity: 'error', message: '2 types are named shop.v1.Money; rename one, or move it to another package.' },
    ]);
  });

  it('reports services whose names give the same package (a hand-edited file; the editor refuses such names)', () => {
    const d = build([
      ['a-b', 'go-nethttp', 8080],
      ['x', 'java-spring', 8081],
    ]);
    const edited = { ...d, nodes: d.nodes.map((n) => (n.id === 'x' ? { ...n, name: 'ab' } : n)) };
    expect(exportProblems(edited)).toEqual([
      {
        severity: 'error',
        nodeId: 'x',
        message: expect.stringContaining('a-b and ab both become the package name "ab"'),
      },
    ]);
  });

  it('warns about an enum value spelled like a Java reserved word, only with a Java service', () => {
    const withEnum = (d: Design, names: string[]): Design => ({
      ...d,
      types: [{ id: 't-kind', kind: 'enum', name: 'Kind', values: names.map((name, number) => ({ name, number })) }],
    });
    const java = withEnum(build([['billing', 'java-spring', 8080]]), ['None', 'null', 'self', 'class']);
    expect(exportProblems(java).map((p) => [p.severity, p.nodeId, p.message])).toEqual([
      [
        'warning',
        'billing',
        "The enum Kind has a value null, a Java reserved word that protoc's Java generator keeps as the constant's name: billing would not compile. Rename the value (its name is its JSON form too).",
      ],
      [
        'warning',
        'billing',
        "The enum Kind has a value class, a Java reserved word that protoc's Java generator keeps as the constant's name: billing would not compile. Rename the value (its name is its JSON form too).",
      ],
    ]);
    expect(exportProblems(withEnum(build([['billing', 'go-nethttp', 8080]]), ['null']))).toEqual([]);
  });

  it('warns that a call into a runtime without a stub fails until implemented', () => {
    let d = build([
      ['bff', 'node-express', 3000],
      ['legacy', 'ruby-rails', 3001],
    ]);
    d = link(d, 'bff', 'legacy', 'rest');
    const p = exportProblems(d);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: 'warning', linkId: 'bff-legacy' });
    expect(p[0]?.message).toContain('legacy (Ruby · Rails) has no runnable stub yet');
    expect(hasExportErrors(p)).toBe(false);
  });
});

describe('text no file can carry, and YAML not every reader reads alike', () => {
  it('refuses an unpaired surrogate anywhere in the design, naming the node and field', () => {
    let d = build([['orders', 'python-fastapi', 8000]]);
    const u = updateNode(d, 'orders', { env: [{ key: 'GREETING', value: 'hi \ud83d' }] });
    if (!u.ok) throw new Error(u.reason);
    d = u.design;
    expect(exportProblems(d)).toEqual([
      {
        severity: 'error',
        nodeId: 'orders',
        message:
          'The environment variable GREETING of orders holds a broken character (an unpaired UTF-16 surrogate); retype it.',
      },
    ]);
  });

  it('reports a generated YAML file that some reader would read differently, and passes sound ones', () => {
    const files = [
      { path: 'compose.yaml', content: 'services:\n  a:\n    image: 0o17\n    environment:\n      X: "x\u2028y"\n' },
      { path: 'k8s/a.yaml', content: 'kind: ConfigMap\ndata:\n  MODE: "0o644"\n' },
      { path: 'README.md', content: 'on: 0o17\n' },
    ];
    const problems = generatedFileProblems(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.message).toMatch(/^compose\.yaml would not read the same in every YAML reader: line 3: "0o17"/);
    expect(problems[0]?.message).toMatch(/line 5: the character U\+2028 must be escaped/);
  });
});

describe('exportProblemSteps', () => {
  it('finds what exportProblems finds, in steps that a caller may pause between', () => {
    // a port clash, a gRPC port on the HTTP port and a stub's own variable: findings of three parts
    let d = build([
      ['a', 'python-fastapi', 8000],
      ['b', 'go-nethttp', 8000],
      ['c', 'java-spring', 8080],
    ]);
    d = ok(updateNode(d, 'c', { env: [{ key: 'PORT', value: '1' }] })).design;
    const steps = exportProblemSteps(d);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(6);
    expect(step.value).toEqual(exportProblems(d));
    expect(step.value.length).toBeGreaterThanOrEqual(2);
  });
});
