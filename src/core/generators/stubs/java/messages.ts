import type { GeneratedFile } from '../../types';
import { javaString } from './names';
import { javaFile, type JavaPlan, type QueuePlan } from './plan';
import { javaJsonType, jsonLiteral } from './typed';

/**
 * Messages: the payload types and the sample payloads /ping publishes (handlers/Messages.java),
 * what to do with a consumed message (handlers/MessageHandlers.java), and the plumbing that starts
 * the consumers and feeds them (plumbing/Subscriptions.java).
 */

function messages(p: JavaPlan): GeneratedFile {
  const published = new Set(p.publishes.map((q) => q.message));
  const parts = p.messages
    .filter((m) => published.has(m))
    .map(
      (m) => `  /** The payload /ping publishes on ${m.topic}: the sample of the channel's message. */
  public static ${javaJsonType(m.type)} sample${m.stem}() {
    // TODO: put real data here (consumers in other services check it against the sample).
    return Exercise.sample(${jsonLiteral(m.sample)}, new TypeReference<${javaJsonType(m.type)}>() {});
  }`,
    );
  return javaFile(
    p.handlers,
    'Messages',
    `// Your code: the payloads of the messages this service publishes. Safe to edit.
package ${p.handlers};

import ${p.models}.Models;
import ${p.plumbing}.Exercise;
import tools.jackson.core.type.TypeReference;

/**
 * Message payloads, typed by the channel's message (models/Models.java). On the wire each payload
 * travels in the envelope {"id", "from", "topic", "path", "payload"}.
 */
public final class Messages {
  private Messages() {}

${parts.join('\n\n')}
}
`,
  );
}

function messageHandlers(p: JavaPlan): GeneratedFile {
  const seen = new Set<string>();
  const methods = p.subscribes
    .filter((q) => !seen.has(q.message.stem) && seen.add(q.message.stem))
    .map(
      (q) => `  /** A message on ${q.use.topic} from ${q.brokerDns}; it is already listed in /ping's received. */
  public void on${q.message.stem}(String from, String id, ${javaJsonType(q.message.type)} payload) {
    // TODO: handle the message.
    LOG.info("{} on {} from {}: {}", id, ${javaString(q.use.topic)}, from, payload);
  }`,
    );
  return javaFile(
    p.handlers,
    'MessageHandlers',
    `// Your code: what this service does with the messages it consumes. Safe to edit.
package ${p.handlers};

import ${p.models}.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Called once per consumed message, after the plumbing has parsed its envelope. */
@Component
public class MessageHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);

${methods.join('\n\n')}
}
`,
  );
}

function deliverCall(q: QueuePlan, body: string): string {
  const m = q.message;
  return `deliver(${javaString(q.brokerDns)}, ${javaString(q.use.topic)}, ${body}, ${jsonLiteral(m.sample)}, new TypeReference<${javaJsonType(m.type)}>() {}, handlers::on${m.stem})`;
}

function startLines(p: JavaPlan): string[] {
  const s = javaString;
  const lines: string[] = [];
  // Kafka: one consumer per broker for all its topics, so the group does not rebalance per topic.
  const kafka = new Map<string, QueuePlan[]>();
  for (const q of p.subscribes) {
    if (q.use.brokerKind !== 'kafka') continue;
    kafka.set(q.use.envVar, [...(kafka.get(q.use.envVar) ?? []), q]);
  }
  for (const [envVar, qs] of kafka) {
    const first = qs[0];
    if (!first) continue;
    lines.push(
      `    kafkaBus.subscribe(`,
      `        Env.get(${s(envVar)}, ${s(first.fallback)}),`,
      `        List.of(${qs.map((q) => s(q.use.topic)).join(', ')}),`,
      `        record -> {`,
      `          switch (record.topic()) {`,
      ...qs.map((q) => `            case ${s(q.use.topic)} -> ${deliverCall(q, 'record.value()')};`),
      `            default -> LOG.warn("unexpected topic {}", record.topic());`,
      `          }`,
      `        });`,
    );
  }
  for (const q of p.subscribes) {
    if (q.use.brokerKind === 'kafka') continue;
    lines.push(
      `    ${q.use.brokerKind}Bus.subscribe(`,
      `        Env.get(${s(q.use.envVar)}, ${s(q.fallback)}),`,
      `        ${s(q.use.topic)},`,
      `        (topic, body) -> ${deliverCall(q, 'body')});`,
    );
  }
  return lines;
}

const BUS = { kafka: 'KafkaBus', rabbitmq: 'RabbitBus', redis: 'RedisBus', nats: 'NatsBus' } as const;

function subscriptions(p: JavaPlan): GeneratedFile {
  const kinds = (['kafka', 'rabbitmq', 'redis', 'nats'] as const).filter((k) =>
    p.subscribes.some((q) => q.use.brokerKind === k),
  );
  const deps = [
    { type: 'Received', field: 'received' },
    { type: 'MessageHandlers', field: 'handlers' },
    ...kinds.map((k) => ({ type: BUS[k], field: `${k}Bus` })),
  ];
  return javaFile(
    p.plumbing,
    'Subscriptions',
    `// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package ${p.plumbing};

import java.util.List;
import ${p.handlers}.MessageHandlers;
import ${p.models}.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts every consumer once the service is up; each retries in the background until its broker answers. */
@Component
public class Subscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
  /** Lenient as in the other languages: unknown fields are skipped, a null number or flag reads as 0 or false. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
${deps.map((d) => `  private final ${d.type} ${d.field};`).join('\n')}

  public Subscriptions(${deps.map((d) => `${d.type} ${d.field}`).join(', ')}) {
${deps.map((d) => `    this.${d.field} = ${d.field};`).join('\n')}
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
${startLines(p).join('\n')}
  }

  private interface Handler<T> {
    void handle(String from, String id, T payload) throws Exception;
  }

  /**
   * Parses the envelope, notes it in /ping's received list (with whether its payload is the sample
   * of the channel's message), then hands the typed payload to the handler.
   */
  private <T> void deliver(
      String broker, String topic, byte[] body, String sampleJson, TypeReference<T> type, Handler<T> handler) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (Exception e) {
      envelope = null;
    }
    if (envelope == null || !envelope.isObject()) {
      LOG.warn("skipped a message on {} that is not a JSON envelope", topic);
      return;
    }
    JsonNode payload = envelope.get("payload");
    boolean valid;
    try {
      valid = payload != null && !payload.isNull() && Exercise.jsonDiff(sampleJson, payload) == null;
    } catch (Exception e) {
      valid = false;
    }
    received.add(broker, topic, envelope, valid);
    try {
      T typed = payload == null || payload.isNull() ? null : JSON.readValue(JSON.writeValueAsBytes(payload), type);
      handler.handle(envelope.path("from").asString(""), envelope.path("id").asString(""), typed);
    } catch (Exception e) {
      LOG.warn("the handler of {} failed: {}", topic, e.toString());
    }
  }
}
`,
  );
}

/** The message files of a Java stub: the samples it publishes, the handlers and consumers of what it consumes. */
export function messageFiles(p: JavaPlan): GeneratedFile[] {
  return [
    ...(p.publishes.length > 0 ? [messages(p)] : []),
    ...(p.subscribes.length > 0 ? [messageHandlers(p), subscriptions(p)] : []),
  ];
}
