import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../model/types';
import { addNode, connect, updateLink, updateNode } from '../../ops/ops';
import type { NodeKind } from '../../catalog/catalog';
import { generateDocs } from './index';
import { entryServices } from './entries';
import { mdCode, mdText } from './markdown';
import { mermaidFlowchart, mermaidText } from './mermaid';

function design(
  nodes: [string, string, NodeKind, number][],
  links: [string, string, 'rest' | 'grpc' | 'queue' | 'database'][],
): Design {
  let d = emptyDesign('Shop');
  for (const [id, name, kind, port] of nodes) {
    const r = addNode(d, { id, kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error('add');
    const u = updateNode(r.design, id, { port });
    if (!u.ok) throw new Error(u.reason);
    d = u.design;
  }
  for (const [s, t, kind] of links) {
    const r = connect(d, { source: s, target: t, kind, id: `${s}-${t}` });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

const shop = () =>
  design(
    [
      ['gw', 'gateway', 'gateway', 8088],
      ['bff', 'bff', 'node-express', 3000],
      ['orders', 'orders', 'python-fastapi', 8000],
      ['inv', 'inventory', 'go-nethttp', 8080],
      ['mq', 'kafka', 'kafka', 9092],
      ['audit', 'audit', 'java-spring', 8081],
      ['legacy', 'legacy', 'ruby-rails', 3001],
      ['db', 'postgres', 'postgres', 5432],
    ],
    [
      ['gw', 'bff', 'rest'],
      ['bff', 'orders', 'rest'],
      ['orders', 'inv', 'grpc'],
      ['orders', 'mq', 'queue'],
      ['mq', 'audit', 'queue'],
      ['orders', 'db', 'database'],
      ['bff', 'legacy', 'rest'],
    ],
  );

describe('entryServices', () => {
  it('are the runnable services no runnable service calls synchronously', () => {
    // the gateway is not a service; audit is reached only through a broker; legacy has no stub
    expect(entryServices(shop()).map((n) => n.name)).toEqual(['bff', 'audit']);
  });

  it('falls back to the first runnable service in a cycle, and to none without services', () => {
    const d = design(
      [
        ['a', 'a', 'go-nethttp', 8080],
        ['b', 'b', 'go-nethttp', 8081],
      ],
      [
        ['a', 'b', 'rest'],
        ['b', 'a', 'rest'],
      ],
    );
    expect(entryServices(d).map((n) => n.name)).toEqual(['a']);
    expect(entryServices(emptyDesign())).toEqual([]);
  });

  it('leaves out a service scaled to zero', () => {
    const d = shop();
    const r = updateNode(d, 'bff', { replicas: 0 });
    expect(r.ok && entryServices(r.design).map((n) => n.name)).toEqual(['orders', 'audit']);
  });
});

describe('mermaid', () => {
  it('escapes label text into Mermaid entity codes', () => {
    expect(mermaidText('a "b" <c> & #d `e`')).toBe('a #quot;b#quot; #lt;c#gt; #amp; #35;d #96;e#96;');
  });

  it('draws every node and link with safe ids, sync links solid, queues dotted with their topic', () => {
    let d = shop();
    const r = updateNode(d, 'legacy', { name: 'end' });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
    const q = d.links.find((l) => l.kind === 'queue' && l.source === 'orders');
    const u = updateLink(d, q?.id ?? '', { topic: 'Order Events' });
    if (!u.ok) throw new Error(u.reason);
    const chart = mermaidFlowchart(u.design);
    expect(chart.split('\n')[0]).toBe('flowchart LR');
    expect(chart).toContain('  n_orders["orders<br/>Python · FastAPI"]');
    expect(chart).toContain('  n_kafka[["kafka<br/>Kafka"]]');
    expect(chart).toContain('  n_postgres[("postgres<br/>PostgreSQL")]');
    expect(chart).toContain('  n_gateway{{"gateway<br/>API gateway (nginx)"}}');
    expect(chart).toContain('  n_orders -->|"gRPC"| n_inventory');
    expect(chart).toContain('  n_orders -.->|"order-events"| n_kafka');
    expect(chart).toContain('  n_kafka -.->|"orders-events"| n_audit');
    expect(chart).toContain('  n_orders -->|"db"| n_postgres');
    // `end` is a Mermaid keyword; the prefixed id is not
    expect(chart).toContain('  n_end["end<br/>Ruby · Rails"]');
    expect(chart).toContain('  class n_end todo');
  });
});

describe('markdown escaping', () => {
  it('keeps markup characters from acting as markup', () => {
    expect(mdText('<img src=x> | *a* [l](u) `c`')).toBe('\\<img src=x\\> \\| \\*a\\* \\[l\\](u) \\`c\\`');
    expect(mdText('# title')).toBe('\\# title');
    expect(mdText('1. item')).toBe('1\\. item');
    // the line break shows as the two characters \n (a backslash escaped for Markdown)
    expect(mdText('line\nbreak')).toBe('line\\\\nbreak');
  });

  it('makes code spans that hold backticks and pipes', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
    expect(mdCode('')).toBe('` `');
  });
});

describe('generateDocs', () => {
  it('writes a README with the picture, run steps, services, entry pings and contracts', () => {
    const paths = [
      'compose.yaml',
      'k8s/kustomization.yaml',
      'openapi/orders.yaml',
      'proto/shop/inventory/v1/inventory.proto',
      'asyncapi.yaml',
    ];
    const [makefile, readme] = generateDocs(shop(), paths);
    expect(makefile?.path).toBe('Makefile');
    expect(readme?.path).toBe('README.md');
    const md = readme?.content ?? '';
    expect(md).toMatch(/^# Shop\n/);
    expect(md).toContain('5 services, 1 message broker, 1 database, 1 API gateway, 0 web frontends and 7 links');
    expect(md).toContain('```mermaid\nflowchart LR\n');
    expect(md).toContain('docker compose up --build');
    expect(md).toContain('kubectl apply -k k8s/');
    expect(md).toContain('make verify');
    expect(md).toContain('curl http://localhost:3000/ping   # bff');
    expect(md).toContain('curl http://localhost:8081/ping   # audit');
    expect(md).not.toContain('localhost:8000/ping');
    expect(md).toContain(
      '| orders (`orders`) | Python · FastAPI | 8000 | — | gRPC → inventory<br>publishes `orders-events` → kafka<br>database → postgres |',
    );
    expect(md).toContain('| inventory (`inventory`) | Go · net/http | 8080 | 50051 | — |');
    expect(md).toContain('[services/legacy/README.md](services/legacy/README.md)');
    expect(md).toContain('`todo` profile');
    expect(md).toContain('- [proto/shop/inventory/v1/inventory.proto](proto/shop/inventory/v1/inventory.proto)');
    expect(md).toContain('- [openapi/orders.yaml](openapi/orders.yaml)');
    expect(md).toContain('- [asyncapi.yaml](asyncapi.yaml)');
  });

  it('writes a Makefile with tab-indented recipes, the entry targets and buf only when there are protos', () => {
    const [withProto] = generateDocs(shop(), ['proto/buf.yaml', 'proto/buf.gen.yaml']);
    const mk = withProto?.content ?? '';
    expect(mk).toContain('.PHONY: help up down logs verify test clean proto');
    expect(mk).toContain('PING_TARGETS ?= bff:3000 audit:8081\n');
    expect(mk).toContain('up:\n\t$(COMPOSE) up --build -d\n');
    expect(mk).toContain('proto:\n\tcd proto && buf lint && buf generate\n');
    for (const line of mk.split('\n')) expect(line).not.toMatch(/^ +\S/);
    const [noProto] = generateDocs(shop(), []);
    expect(noProto?.content).toContain('proto:\n\t@echo "No gRPC service in this design: nothing to generate."');
    expect(noProto?.content).not.toContain('buf generate');
  });

  it('keeps hostile names out of the Makefile and escapes them in the README', () => {
    const d = design(
      [
        ['x', '"; rm -rf / <b>', 'go-nethttp', 8080],
        ['y', 'a|b', 'python-fastapi', 8000],
      ],
      [['x', 'y', 'rest']],
    );
    const [mk, md] = generateDocs({ ...d, name: '$(reboot) `x`' }, []);
    expect(mk?.content).not.toMatch(/rm -rf|\$\(reboot\)|`/);
    expect(mk?.content).toContain('PING_TARGETS ?= rm-rf-b:8080');
    expect(md?.content).toContain('# $(reboot) \\`x\\`');
    expect(md?.content).toContain('| "; rm -rf / \\<b\\> (`rm-rf-b`) |');
    expect(md?.content).toContain('n_rm_rf_b["#quot;; rm -rf / #lt;b#gt;<br/>Go · net/http"]');
    expect(md?.content).toContain('| a\\|b (`a-b`) |');
  });

  it('asks compose for the host port of a replicated entry and shows the routes of a gateway', () => {
    const r = updateNode(shop(), 'bff', { replicas: 2 });
    if (!r.ok) throw new Error(r.reason);
    const md = generateDocs(r.design, ['k8s/kustomization.yaml'])[1]?.content ?? '';
    expect(md).toContain('curl "http://$(docker compose port bff 3000)/ping"   # bff, 2 replicas');
    expect(md).toContain('- gateway routes `/bff/` to bff: `curl http://localhost:8088/bff/ping`');
    expect(md).toContain('kind load docker-image shop/bff:dev shop/orders:dev shop/inventory:dev shop/audit:dev');
  });

  it('says so when there is nothing to run', () => {
    const [mk, md] = generateDocs(emptyDesign('empty'), []);
    expect(mk?.content).toContain('verify:\n\t@echo "No runnable service to call."');
    expect(md?.content).toContain('There is no runnable service to call yet.');
    expect(md?.content).toContain('The design has no services yet.');
  });
});
