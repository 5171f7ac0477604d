// Your code: the payloads of the messages this service publishes and consumes. Safe to edit.
package polyglotshop.notifications.handlers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Message payloads. On the wire each payload travels in the envelope
 * {"id", "from", "topic", "path", "payload"}; JSON keys are the contract's snake_case names.
 */
public final class Messages {
  private Messages() {}

  /** Payload of the messages on order-placed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrderPlacedMessage(@JsonProperty("order_id") String orderId, @JsonProperty("customer_id") String customerId, @JsonProperty("total") double total, @JsonProperty("express") boolean express) {}
}
