import type { LinkKind, NodeKind } from '../../catalog/catalog';
import { emptyDesign, type Design } from '../../model/types';
import { addNode, connect, updateNode, type NodePatch, type OpResult } from '../../ops/ops';

/**
 * Designs the deployment generators are tested with, built through the same ops the canvas
 * uses. Node ids are fixed so failures are easy to read.
 */

function ok<T extends object>(r: OpResult<T>): { design: Design } & T {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** A small builder: `node()` returns the id, `link()` and `patch()` edit in place. */
export class DesignBuilder {
  design: Design;
  constructor(name: string) {
    this.design = emptyDesign(name);
  }
  node(kind: NodeKind, name?: string): string {
    const id = `n${this.design.nodes.length + 1}`;
    this.design = ok(addNode(this.design, { kind, name, position: { x: 0, y: 0 }, id })).design;
    return id;
  }
  link(source: string, target: string, kind?: LinkKind, topic?: string): this {
    const id = `l${this.design.links.length + 1}`;
    this.design = ok(
      connect(this.design, { source, target, kind, id, ...(topic !== undefined ? { topic } : {}) }),
    ).design;
    return this;
  }
  patch(id: string, patch: NodePatch): this {
    this.design = ok(updateNode(this.design, id, patch)).design;
    return this;
  }
}

export function seedDesign(): Design {
  const b = new DesignBuilder('seed');
  const api = b.node('python-fastapi', 'orders');
  const kafka = b.node('kafka');
  const analytics = b.node('scala-http4s', 'analytics');
  b.link(api, kafka, 'queue', 'order-events').link(kafka, analytics, 'queue', 'order-events');
  return b.design;
}

export function shopDesign(): Design {
  const b = new DesignBuilder('Polyglot Shop');
  const web = b.node('frontend', 'web');
  const gw = b.node('gateway', 'edge');
  const orders = b.node('python-fastapi', 'orders');
  const inventory = b.node('go-nethttp', 'inventory');
  const billing = b.node('java-spring', 'billing');
  const notifier = b.node('node-express', 'notifier');
  const search = b.node('rust-axum', 'search');
  const rabbit = b.node('rabbitmq');
  const pg = b.node('postgres');
  const mongo = b.node('mongodb');
  const redis = b.node('redis', 'cache');
  const nats = b.node('nats');
  const kafka = b.node('kafka');
  b.link(web, gw).link(gw, orders).link(gw, search).link(web, billing);
  b.link(orders, inventory, 'grpc').link(orders, billing, 'rest');
  b.link(orders, rabbit, 'queue', 'orders.created').link(rabbit, notifier, 'queue', 'orders.created');
  b.link(orders, pg, 'database').link(inventory, mongo, 'database').link(billing, redis, 'database');
  b.link(billing, nats, 'queue', 'billing.done').link(nats, notifier, 'queue', 'billing.done');
  b.link(search, redis, 'queue', 'search-hits').link(redis, orders, 'queue', 'search-hits');
  b.link(inventory, kafka, 'queue', 'stock').link(kafka, search, 'queue', 'stock');
  b.link(kafka, billing, 'queue', 'audit');
  return b.design;
}

export function restCycleDesign(): Design {
  const b = new DesignBuilder('cycle');
  const a = b.node('go-nethttp', 'alpha');
  const c = b.node('node-express', 'beta');
  const d = b.node('python-flask', 'gamma');
  b.link(a, c, 'rest').link(c, a, 'rest').link(c, d, 'grpc').link(d, a, 'rest');
  return b.design;
}

export const HOSTILE_NAMES = ['; rm -rf /', '../../etc/passwd', '名前', 'quote"s\nnewline', 'a'.repeat(200), 'class'];

export function hostileDesign(): Design {
  const b = new DesignBuilder('"; rm -rf / $HOME\n# not: a comment');
  const ids = HOSTILE_NAMES.map((name, i) => {
    // ops refuse control characters in a name, as the UI does; set them directly instead
    const id = b.node(i % 2 === 0 ? 'python-fastapi' : 'go-nethttp');
    b.design = { ...b.design, nodes: b.design.nodes.map((n) => (n.id === id ? { ...n, name } : n)) };
    return id;
  });
  const kafka = b.node('kafka', 'kafka $(reboot)');
  const gw = b.node('gateway', '<script>alert(1)</script>');
  const [a, c, d] = ids as [string, string, string];
  b.link(a, c, 'rest').link(c, d, 'grpc').link(a, kafka, 'queue', "'; drop table x; --").link(kafka, d, 'queue');
  b.link(gw, a).link(gw, c);
  b.design = {
    ...b.design,
    nodes: b.design.nodes.map((n) =>
      n.id === a
        ? {
            ...n,
            env: [
              { key: 'PASSWORD', value: 'p$ss: "x"\n- y' },
              { key: 'bad key', value: 'z' },
            ],
          }
        : n,
    ),
  };
  return b.design;
}

export function replicasDesign(): Design {
  const b = new DesignBuilder('replicas');
  const front = b.node('node-express', 'front');
  const worker = b.node('python-fastapi', 'worker');
  const off = b.node('go-nethttp', 'off');
  const kafka = b.node('kafka');
  b.patch(worker, { replicas: 3 }).patch(off, { replicas: 0 });
  b.link(front, worker).link(front, off).link(front, kafka, 'queue', 'jobs').link(kafka, worker, 'queue', 'jobs');
  return b.design;
}

/**
 * Services whose runtimes have no runnable stub (tier 2), linked every way: a gateway routes to
 * one, a stub calls it over REST and gRPC, it uses a database and a broker and has a secret
 * variable, one is replicated, one consumes a topic.
 */
export function diagramOnlyDesign(): Design {
  const b = new DesignBuilder('diagram only');
  const gw = b.node('gateway', 'edge');
  const orders = b.node('python-fastapi', 'orders');
  const billing = b.node('dotnet-aspnet', 'billing');
  const auth = b.node('elixir-phoenix', 'auth');
  const legacy = b.node('ruby-rails', 'legacy');
  const pg = b.node('postgres');
  const kafka = b.node('kafka');
  b.patch(legacy, { replicas: 2 });
  b.link(gw, orders).link(gw, billing).link(orders, billing, 'rest').link(orders, auth, 'grpc');
  b.link(billing, pg, 'database').link(billing, legacy, 'rest');
  b.link(orders, kafka, 'queue', 'orders').link(kafka, auth, 'queue', 'orders');
  b.design = {
    ...b.design,
    nodes: b.design.nodes.map((n) =>
      n.id === billing ? { ...n, env: [{ key: 'PAYMENT_API_KEY', value: 'sk-dev-123', secret: true }] } : n,
    ),
  };
  return b.design;
}

/** Every named scenario. */
export function scenarios(): [string, Design][] {
  return [
    ['empty', emptyDesign('empty')],
    ['seed', seedDesign()],
    ['shop', shopDesign()],
    ['rest cycle', restCycleDesign()],
    ['hostile names', hostileDesign()],
    ['replicas', replicasDesign()],
    ['diagram only', diagramOnlyDesign()],
  ];
}
