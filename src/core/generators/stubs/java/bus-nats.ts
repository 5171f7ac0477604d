import type { JavaPlan } from './plan';
import { HEADER, RETRY } from './bus-common';

/** plumbing/NatsBus.java: NATS (jnats). */
export function natsBus(p: JavaPlan): string {
  return `${HEADER}
package ${p.plumbing};

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** NATS: core subject = the topic; consumers subscribe in a queue group named after the service. */
@Component
public class NatsBus {
  private static final Logger LOG = LoggerFactory.getLogger(NatsBus.class);
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  private synchronized Connection connection(String url) throws Exception {
    Connection connection = connections.get(url);
    if (connection != null && connection.getStatus() != Connection.Status.CLOSED) return connection;
    Options options =
        new Options.Builder()
            .server(url)
            .connectionName(Env.instanceName())
            .connectionTimeout(Duration.ofSeconds(5))
            .reconnectWait(Duration.ofSeconds(1))
            .maxReconnects(-1)
            .build();
    connection = Nats.connect(options);
    connections.put(url, connection);
    return connection;
  }

  /** Publishes one envelope on the subject and flushes, so a failure shows here. */
  public void publish(String url, String topic, Envelopes.Outgoing message) throws Exception {
    Connection connection = connection(url);
    connection.publish(topic, message.body());
    connection.flush(Duration.ofSeconds(5));
  }

  /** Subscribes in the service's queue group; the client resubscribes after a reconnect. */
  public void subscribe(String url, String topic, BiConsumer<String, byte[]> onMessage) {
    keepTrying(
        "nats " + topic,
        () -> {
          connection(url).createDispatcher(msg -> onMessage.accept(topic, msg.getData())).subscribe(topic, Env.serviceName());
          LOG.info("nats: subscribed to {}", topic);
        });
  }

  @PreDestroy
  public void close() {
    running = false;
    for (Connection connection : connections.values()) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
${RETRY}
}
`;
}
