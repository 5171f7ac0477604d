import type { QueueUse } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { kafkaBus } from './bus-kafka';
import { natsBus } from './bus-nats';
import { rabbitmqBus } from './bus-rabbitmq';
import { redisBus } from './bus-redis';
import { javaFile, type JavaPlan } from './plan';

/**
 * One class per broker kind the service uses, each with `publish` (blocks until the broker has
 * the message, or fails) and `subscribe` (a background consumer that retries with backoff while
 * the broker comes up). The semantics are the contract's, so every language interoperates.
 */

type Kind = QueueUse['brokerKind'];

const EMIT: Record<Kind, { cls: string; emit: (p: JavaPlan) => string }> = {
  kafka: { cls: 'KafkaBus', emit: kafkaBus },
  rabbitmq: { cls: 'RabbitBus', emit: rabbitmqBus },
  redis: { cls: 'RedisBus', emit: redisBus },
  nats: { cls: 'NatsBus', emit: natsBus },
};

/** The bus classes of the broker kinds this service publishes to or consumes from. */
export function brokerFiles(p: JavaPlan): GeneratedFile[] {
  const kinds = new Set([...p.publishes, ...p.subscribes].map((q) => q.use.brokerKind));
  return (['kafka', 'rabbitmq', 'redis', 'nats'] as const)
    .filter((k) => kinds.has(k))
    .map((k) => javaFile(p.plumbing, EMIT[k].cls, EMIT[k].emit(p)));
}
