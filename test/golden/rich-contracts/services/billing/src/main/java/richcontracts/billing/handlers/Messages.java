// Your code: the payloads of the messages this service publishes and consumes. Safe to edit.
package richcontracts.billing.handlers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Message payloads. On the wire each payload travels in the envelope
 * {"id", "from", "topic", "path", "payload"}; JSON keys are the contract's snake_case names.
 */
public final class Messages {
  private Messages() {}

  /** Payload of the messages on order-events. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrderEventsMessage(@JsonProperty("order_id") String orderId) {}
}
