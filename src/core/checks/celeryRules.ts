import { RUNTIMES, describeKind, isBroker, isRuntime } from '../catalog/catalog';
import { celeryBroker, ignoredSubscriptions, isCeleryWorker, topicConsumers } from '../model/celery';
import { dnsLabel, topicName } from '../model/naming';
import type { Design, DesignNode } from '../model/types';
import type { Rule } from './types';

/**
 * The checker's rules about Celery workers: what reaches them, and what does not. Only the Python
 * stubs enqueue Celery tasks (Celery's own protocol, `send_task`); a producer in another language
 * publishes the plain message of the contract, which a worker does not read.
 */

/** Every producer of a topic on a broker that has a Celery worker among its consumers. */
function celeryTopics(design: Design) {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { broker: DesignNode; topic: string; producers: { node: DesignNode; link: string }[] }>();
  for (const l of design.links) {
    const s = byId.get(l.source);
    const b = byId.get(l.target);
    if (l.kind !== 'queue' || !s || !b || !isRuntime(s.kind) || !isBroker(b.kind)) continue;
    const key = `${b.id}\u0000${topicName(l.topic)}`;
    const entry = out.get(key) ?? { broker: b, topic: topicName(l.topic), producers: [] };
    entry.producers.push({ node: s, link: l.id });
    out.set(key, entry);
  }
  return [...out.values()]
    .map((e) => ({ ...e, consumers: topicConsumers(design, e.broker.id, e.topic) }))
    .filter((e) => e.consumers.celery.length > 0);
}

const isPython = (n: DesignNode) => isRuntime(n.kind) && RUNTIMES[n.kind].languageId === 'python';
const names = (ns: readonly DesignNode[]) => ns.map((n) => n.name).join(', ');

export const CELERY_RULES: readonly Rule[] = [
  {
    id: 'celery-broker',
    severity: 'error',
    title: 'A Celery worker subscribed where it cannot take tasks',
    why: 'A Celery worker takes its tasks from one broker, Redis or RabbitMQ; what it is subscribed to elsewhere never reaches it.',
    check(design) {
      return design.nodes.filter(isCeleryWorker).flatMap((w) => {
        const chosen = celeryBroker(design, w);
        return ignoredSubscriptions(design, w).map(({ link, broker }) => ({
          message:
            broker.kind === 'redis' || broker.kind === 'rabbitmq'
              ? `${w.name} takes its tasks from ${chosen?.name ?? 'its first broker'} only: "${topicName(link.topic)}" on ${broker.name} never reaches it.`
              : `${w.name} is a Celery worker: it cannot consume "${topicName(link.topic)}" from ${broker.name} (${describeKind(broker.kind).label}); use Redis or RabbitMQ.`,
          nodeIds: [w.id, broker.id],
          linkIds: [link.id],
        }));
      });
    },
  },
  {
    id: 'celery-foreign-producer',
    severity: 'warning',
    title: 'A producer that cannot enqueue Celery tasks',
    why: "Only the Python stubs enqueue Celery tasks (Celery's own protocol); a service in another language publishes the plain message, which a Celery worker never reads.",
    check(design) {
      return celeryTopics(design).flatMap((e) =>
        e.producers
          .filter((p) => !isPython(p.node))
          .map((p) => ({
            message:
              `${p.node.name} (${describeKind(p.node.kind).label}) publishes "${e.topic}" on ${e.broker.name}, but cannot enqueue the Celery task of ${names(e.consumers.celery)}` +
              (e.consumers.plain.length
                ? `: only ${names(e.consumers.plain)} get its messages.`
                : ': nobody gets its messages.'),
            nodeIds: [p.node.id, ...e.consumers.celery.map((w) => w.id)],
            linkIds: [p.link],
          })),
      );
    },
  },
  {
    id: 'celery-mixed-consumers',
    severity: 'info',
    title: 'A topic consumed by Celery workers and other services',
    why: 'Every consumer of a topic gets every message: a Python producer enqueues a Celery task for each worker and publishes the plain message for the others, so the topic is sent twice over the broker.',
    check(design) {
      return celeryTopics(design)
        .filter((e) => e.consumers.plain.length > 0)
        .map((e) => ({
          message: `"${e.topic}" on ${e.broker.name} goes to the Celery worker(s) ${names(e.consumers.celery)} as a task (queue ${e.topic}.${dnsLabel(e.consumers.celery[0]?.name ?? '')}${e.consumers.celery.length > 1 ? ', …' : ''}) and to ${names(e.consumers.plain)} as the plain message: Python producers send both.`,
          nodeIds: [e.broker.id, ...e.consumers.celery.map((w) => w.id), ...e.consumers.plain.map((n) => n.id)],
          linkIds: [],
        }));
    },
  },
];
