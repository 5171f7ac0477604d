import { RUNTIMES, isBroker, isRuntime, isWorker, type RuntimeEntry } from '../catalog/catalog';
import { dnsLabel, topicName } from './naming';
import type { Design, DesignLink, DesignNode } from './types';

/**
 * Celery task workers in a design: which broker each consumes its tasks from, which queue a task
 * of a topic goes to, and who else consumes the same topic. The stubs, the checker and the
 * conformance run all read this, so a producer enqueues exactly where the worker listens.
 *
 * A task is named after the topic; every worker service has its own queue per topic,
 * `<topic>.<worker>`, so that two worker services each get every task (as every consuming service
 * gets every message) while the replicas of one share them. The name never equals the topic, so it
 * never collides with the plain channel of the other consumers (a Redis stream, a RabbitMQ fanout
 * exchange of that name).
 */

/** Whether the node is a Celery worker. */
export function isCeleryWorker(node: Pick<DesignNode, 'kind'>): boolean {
  return isWorker(node.kind);
}

/** The brokers a worker of this runtime may take tasks from. */
function workerBrokers(node: DesignNode): readonly string[] {
  if (!isRuntime(node.kind)) return [];
  const r: RuntimeEntry = RUNTIMES[node.kind];
  return r.worker?.brokers ?? [];
}

/** The Celery queue of a topic's tasks for one worker service. */
export function celeryQueue(topic: string, worker: Pick<DesignNode, 'name'>): string {
  return `${topicName(topic)}.${dnsLabel(worker.name)}`;
}

/** The queue links a worker consumes, in link order: broker → worker. */
function subscriptions(design: Design, worker: DesignNode): { link: DesignLink; broker: DesignNode }[] {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return design.links.flatMap((link) => {
    const broker = byId.get(link.source);
    if (link.kind !== 'queue' || link.target !== worker.id || !broker || !isBroker(broker.kind)) return [];
    return [{ link, broker }];
  });
}

/**
 * The broker a worker takes its tasks from: the one of its first subscription that a worker can
 * use (Redis or RabbitMQ). A worker consumes from one broker only; the checker names the others.
 */
export function celeryBroker(design: Design, worker: DesignNode): DesignNode | undefined {
  const allowed = workerBrokers(worker);
  return subscriptions(design, worker).find((s) => allowed.includes(s.broker.kind))?.broker;
}

/** The subscriptions of a worker it cannot consume: another broker than its first, or Kafka or NATS. */
export function ignoredSubscriptions(design: Design, worker: DesignNode): { link: DesignLink; broker: DesignNode }[] {
  const chosen = celeryBroker(design, worker);
  return subscriptions(design, worker).filter((s) => s.broker.id !== chosen?.id);
}

export interface TopicConsumers {
  /** Celery workers that take this topic's tasks from this broker. */
  celery: DesignNode[];
  /** Every other consuming service: they read the plain message of the contract. */
  plain: DesignNode[];
}

/** The consumers of a topic on a broker, Celery workers apart. */
export function topicConsumers(design: Design, brokerId: string, topic: string): TopicConsumers {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const name = topicName(topic);
  const out: TopicConsumers = { celery: [], plain: [] };
  const seen = new Set<string>();
  for (const l of design.links) {
    if (l.kind !== 'queue' || l.source !== brokerId || topicName(l.topic) !== name || seen.has(l.target)) continue;
    const t = byId.get(l.target);
    if (!t || !isRuntime(t.kind)) continue;
    seen.add(t.id);
    if (isCeleryWorker(t)) {
      if (celeryBroker(design, t)?.id === brokerId) out.celery.push(t);
    } else out.plain.push(t);
  }
  return out;
}

/**
 * What a Python producer sends for a topic on a broker: a Celery task to the queue of each worker,
 * and the plain message when anyone else consumes it (or no one does: a later consumer may).
 */
export function celeryRoute(design: Design, brokerId: string, topic: string): { queues: string[]; plain: boolean } {
  const c = topicConsumers(design, brokerId, topic);
  return {
    queues: c.celery.map((w) => celeryQueue(topic, w)),
    plain: c.plain.length > 0 || c.celery.length === 0,
  };
}
