// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

import java.util.List;
import richcontracts.billing.handlers.MessageHandlers;
import richcontracts.billing.models.Models;
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
  private final Received received;
  private final MessageHandlers handlers;
  private final KafkaBus kafkaBus;

  public Subscriptions(Received received, MessageHandlers handlers, KafkaBus kafkaBus) {
    this.received = received;
    this.handlers = handlers;
    this.kafkaBus = kafkaBus;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    kafkaBus.subscribe(
        Env.get("KAFKA_URL", "kafka:9092"),
        List.of("order-events"),
        record -> {
          switch (record.topic()) {
            case "order-events" -> deliver("kafka", "order-events", record.value(), "{\"order_id\":\"order_id-sample\",\"status\":\"ORDER_STATUS_PLACED\",\"total\":{\"currency_code\":\"currency_code-sample\",\"units\":2,\"nanos\":3},\"at\":\"2024-01-02T03:04:05Z\"}", new TypeReference<Models.OrderEventsMessage>() {}, handlers::onOrderEvents);
            default -> LOG.warn("unexpected topic {}", record.topic());
          }
        });
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
