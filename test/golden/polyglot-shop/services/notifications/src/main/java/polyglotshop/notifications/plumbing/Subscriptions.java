// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package polyglotshop.notifications.plumbing;

import java.util.List;
import polyglotshop.notifications.handlers.MessageHandlers;
import polyglotshop.notifications.models.Models;
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
  private final RabbitBus rabbitmqBus;

  public Subscriptions(Received received, MessageHandlers handlers, RabbitBus rabbitmqBus) {
    this.received = received;
    this.handlers = handlers;
    this.rabbitmqBus = rabbitmqBus;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    rabbitmqBus.subscribe(
        Env.get("RABBITMQ_URL", "amqp://guest:guest@rabbitmq:5672/"),
        "order-placed",
        (topic, body) -> deliver("rabbitmq", "order-placed", body, "{\"order_id\":\"order_id-sample\",\"customer_id\":\"customer_id-sample\",\"total\":3.5,\"express\":true}", new TypeReference<Models.OrderPlacedMessage>() {}, handlers::onOrderPlaced));
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
