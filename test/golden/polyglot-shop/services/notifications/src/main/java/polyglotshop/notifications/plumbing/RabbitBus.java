// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package polyglotshop.notifications.plumbing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * RabbitMQ: a durable fanout exchange named after the topic; each consuming service binds its own
 * durable queue {@code <topic>.<service>}, so every service gets every message and its replicas
 * share them.
 */
@Component
public class RabbitBus {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitBus.class);
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<String, Channel> publishers = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  private synchronized Connection connection(String url) throws Exception {
    Connection connection = connections.get(url);
    if (connection != null && connection.isOpen()) return connection;
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url);
    // amqp://host:5672/ names the empty vhost to this client; every other client reads it as "/".
    if (factory.getVirtualHost().isEmpty()) factory.setVirtualHost("/");
    factory.setConnectionTimeout(5000);
    factory.setAutomaticRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(2000);
    connection = factory.newConnection(Env.instanceName());
    connections.put(url, connection);
    return connection;
  }

  /** Publishes one envelope to the topic's exchange and waits for the broker's confirm. */
  public synchronized void publish(String url, String topic, Envelopes.Outgoing message) throws Exception {
    Channel channel = publishers.get(url);
    if (channel == null || !channel.isOpen()) {
      channel = connection(url).createChannel();
      channel.confirmSelect();
      publishers.put(url, channel);
    }
    channel.exchangeDeclare(topic, BuiltinExchangeType.FANOUT, true);
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .messageId(message.id())
            .build();
    channel.basicPublish(topic, "", props, message.body());
    channel.waitForConfirmsOrDie(5000);
  }

  /** Declares and binds {@code <topic>.<service>}, then consumes it; acks after the handler ran. */
  public void subscribe(String url, String topic, BiConsumer<String, byte[]> onMessage) {
    keepTrying(
        "rabbitmq " + topic,
        () -> {
          Channel channel = connection(url).createChannel();
          String queue = topic + "." + Env.serviceName();
          channel.exchangeDeclare(topic, BuiltinExchangeType.FANOUT, true);
          channel.queueDeclare(queue, true, false, false, null);
          channel.queueBind(queue, topic, "");
          channel.basicQos(32);
          channel.basicConsume(
              queue,
              false,
              (tag, delivery) -> {
                try {
                  onMessage.accept(topic, delivery.getBody());
                } finally {
                  channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                }
              },
              tag -> LOG.warn("rabbitmq: consumer of {} cancelled", queue));
          // From here on the client's automatic recovery re-declares the queue and the consumer.
        });
  }

  @PreDestroy
  public void close() {
    running = false;
    for (Connection connection : connections.values()) {
      try {
        connection.close(2000);
      } catch (Exception e) {
        LOG.debug("closing: {}", e.toString());
      }
    }
  }

  /**
   * Runs {@code body} on a daemon thread until it returns; after a failure waits (0.5 s doubling
   * to 10 s) and runs it again, so the service starts even while the broker is still coming up.
   */
  private void keepTrying(String name, Attempt body) {
    Thread thread =
        new Thread(
            () -> {
              long backoff = 500;
              while (running) {
                try {
                  body.run();
                  return;
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  Throwable cause = e.getCause() == null ? e : e.getCause();
                  LOG.warn("{}: {} (retrying in {} ms)", name, cause.toString(), backoff);
                  try {
                    Thread.sleep(backoff);
                  } catch (InterruptedException stop) {
                    return;
                  }
                  backoff = Math.min(backoff * 2, 10_000);
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private interface Attempt {
    void run() throws Exception;
  }
}
