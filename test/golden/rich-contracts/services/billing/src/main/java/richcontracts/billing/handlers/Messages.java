// Your code: the payloads of the messages this service publishes. Safe to edit.
package richcontracts.billing.handlers;

import richcontracts.billing.models.Models;
import richcontracts.billing.plumbing.Exercise;
import tools.jackson.core.type.TypeReference;

/**
 * Message payloads, typed by the channel's message (models/Models.java). On the wire each payload
 * travels in the envelope {"id", "from", "topic", "path", "payload"}.
 */
public final class Messages {
  private Messages() {}

  /** The payload /ping publishes on order-events: the sample of the channel's message. */
  public static Models.OrderEventsMessage sampleOrderEvents() {
    // TODO: put real data here (consumers in other services check it against the sample).
    return Exercise.sample("{\"order_id\":\"order_id-sample\",\"status\":\"ORDER_STATUS_PLACED\",\"total\":{\"currency_code\":\"currency_code-sample\",\"units\":2,\"nanos\":3},\"at\":\"2024-01-02T03:04:05Z\"}", new TypeReference<Models.OrderEventsMessage>() {});
  }
}
