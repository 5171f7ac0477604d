// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Kafka: topic = the link's topic; consumer group = this service's name; earliest offsets first. */
@Component
public class KafkaBus {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBus.class);
  private final Map<String, KafkaProducer<String, byte[]>> producers = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  /** Publishes one envelope (keyed by its id) and waits for the broker's acknowledgement. */
  public void publish(String servers, String topic, Envelopes.Outgoing message) throws Exception {
    producers
        .computeIfAbsent(servers, KafkaBus::producer)
        .send(new ProducerRecord<>(topic, message.id(), message.body()))
        .get(Env.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, Env.instanceName());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // Uncompressed, so that every language's client can read it (KafkaJS has no Snappy codec).
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Consumes {@code topics} in the group named after this service, from the earliest offset. */
  public void subscribe(String servers, List<String> topics, Consumer<ConsumerRecord<String, byte[]>> onMessage) {
    keepTrying(
        "kafka " + String.join(",", topics),
        () -> {
          Properties props = new Properties();
          props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
          props.put(ConsumerConfig.GROUP_ID_CONFIG, Env.serviceName());
          props.put(ConsumerConfig.CLIENT_ID_CONFIG, Env.instanceName());
          props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
          props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
          try (KafkaConsumer<String, byte[]> consumer =
              new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (running) {
              for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                onMessage.accept(record);
              }
            }
          }
        });
  }

  @PreDestroy
  public void close() {
    running = false;
    producers.values().forEach(producer -> producer.close(Duration.ofSeconds(2)));
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
