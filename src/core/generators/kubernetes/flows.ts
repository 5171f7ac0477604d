import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { wireServices } from '../../model/wiring';
import { edgeRoutes } from '../compose/edge';
import { brokerTopics, freeName, nodeNames } from '../compose/plan';

/**
 * Who opens connections to whom, on which port, as the generated system really does: the calls
 * and broker and database uses of each service (its wiring), the routes of gateways and
 * frontends, the topic job of a Kafka broker, and the ingress controller in front of the edge.
 * The NetworkPolicies allow exactly these; the tests evaluate the policies against them.
 */

/** A party to a connection: a node's pods, a Kafka topic job's pod, or the ingress controller. */
export type Party = { node: DesignNode } | { job: string; broker: DesignNode } | { ingressController: true };

export interface Flow {
  from: Party;
  to: { node: DesignNode };
  /** The destination's container port (TCP). */
  port: number;
  /** What the connection is for, e.g. "orders calls inventory over gRPC". */
  why: string;
}

/** The names of the Kafka topic jobs by broker node id, clear of every node's name. */
export function topicJobNames(design: Design): Map<string, string> {
  const taken = nodeNames(design);
  const jobs = new Map<string, string>();
  for (const n of design.nodes)
    if (n.kind === 'kafka' && brokerTopics(design, n).length > 0)
      jobs.set(n.id, freeName(`${dnsLabel(n.name)}-init`, taken));
  return jobs;
}

/** Every connection of the design's system, in a stable order, each once. */
export function flows(design: Design): Flow[] {
  const out: Flow[] = [];
  const seen = new Set<string>();
  const add = (from: Party, to: DesignNode, port: number, why: string) => {
    const key = `${partyKey(from)}>${to.id}:${port}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ from, to: { node: to }, port, why });
  };
  for (const w of wireServices(design)) {
    const me = { node: w.node };
    const name = w.node.name;
    for (const c of w.rest) add(me, c.target, c.target.port, `${name} calls ${c.target.name} over REST`);
    for (const c of w.grpc) add(me, c.target, c.target.grpcPort, `${name} calls ${c.target.name} over gRPC`);
    for (const q of w.publishes) add(me, q.broker, q.broker.port, `${name} publishes ${q.topic} to ${q.broker.name}`);
    for (const q of w.subscribes) add(me, q.broker, q.broker.port, `${name} consumes ${q.topic} from ${q.broker.name}`);
    for (const d of w.databases) add(me, d.database, d.database.port, `${name} uses ${d.database.name}`);
  }
  for (const n of design.nodes) {
    if (n.kind !== 'gateway' && n.kind !== 'frontend') continue;
    add({ ingressController: true }, n, n.port, `the ingress controller serves ${n.name}`);
    for (const r of edgeRoutes(design, n))
      add({ node: n }, r.node, r.node.port, `${n.name} routes ${r.prefix} to ${r.node.name}`);
  }
  const jobs = topicJobNames(design);
  for (const n of design.nodes) {
    const job = jobs.get(n.id);
    if (job) add({ job, broker: n }, n, n.port, `${job} creates the topics of ${n.name}`);
    // a broker reaches its own advertised listener (kafka:9092) through its Service
    if (n.kind === 'kafka') add({ node: n }, n, n.port, `${n.name} reaches its own listener`);
  }
  return out;
}

function partyKey(p: Party): string {
  if ('node' in p) return p.node.id;
  if ('job' in p) return `job:${p.job}`;
  return 'ingress';
}
