import type { JavaPlan } from './plan';
import { HEADER, RETRY } from './bus-common';

/** plumbing/RedisBus.java: Redis Streams (Jedis). */
export function redisBus(p: JavaPlan): string {
  return `${HEADER}
package ${p.plumbing};

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Redis Streams: XADD to the topic's stream, the envelope in the field {@code message}; each consuming
 * service reads with its own group (named after it, created with MKSTREAM at 0), so a consumer
 * that starts late or restarts still gets what was published.
 */
@Component
public class RedisBus {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBus.class);
  /** The stream entry field holding the JSON envelope. */
  public static final String FIELD = "message";
  private final Map<String, JedisPooled> clients = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  private JedisPooled client(String url) {
    return clients.computeIfAbsent(url, u -> new JedisPooled(URI.create(u), 5000));
  }

  /** Appends one envelope to the topic's stream. */
  public void publish(String url, String topic, Envelopes.Outgoing message) {
    client(url).xadd(topic, XAddParams.xAddParams(), Map.of(FIELD, new String(message.body(), StandardCharsets.UTF_8)));
  }

  /** Reads the topic's stream in this service's group, acknowledging each entry after the handler. */
  public void subscribe(String url, String topic, BiConsumer<String, byte[]> onMessage) {
    keepTrying(
        "redis " + topic,
        () -> {
          JedisPooled redis = client(url);
          String group = Env.serviceName();
          try {
            redis.xgroupCreate(topic, group, new StreamEntryID(0, 0), true);
          } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) throw e;
          }
          XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(32).block(1000);
          Map<String, StreamEntryID> streams = Map.of(topic, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
          while (running) {
            List<Map.Entry<String, List<StreamEntry>>> batches =
                redis.xreadGroup(group, Env.instanceName(), params, streams);
            if (batches == null) continue;
            for (Map.Entry<String, List<StreamEntry>> batch : batches) {
              for (StreamEntry entry : batch.getValue()) {
                onMessage.accept(topic, body(entry.getFields()));
                redis.xack(topic, group, entry.getID());
              }
            }
          }
        });
  }

  /** The envelope of an entry: the {@code message} field, else the first field holding a JSON object. */
  private static byte[] body(Map<String, String> fields) {
    String data = fields.get(FIELD);
    if (data == null) {
      data = fields.values().stream().filter(v -> v.trim().startsWith("{")).findFirst().orElse("{}");
    }
    return data.getBytes(StandardCharsets.UTF_8);
  }

  @PreDestroy
  public void close() {
    running = false;
    clients.values().forEach(JedisPooled::close);
  }
${RETRY}
}
`;
}
