// Your code: the payloads of the messages this service publishes. Safe to edit.
package polyglotshop.notifications.handlers;

import polyglotshop.notifications.models.Models;
import polyglotshop.notifications.plumbing.Exercise;
import tools.jackson.core.type.TypeReference;

/**
 * Message payloads, typed by the channel's message (models/Models.java). On the wire each payload
 * travels in the envelope {"id", "from", "topic", "path", "payload"}.
 */
public final class Messages {
  private Messages() {}

  /** The payload /ping publishes on order-placed: the sample of the channel's message. */
  public static Models.OrderPlacedMessage sampleOrderPlaced() {
    // TODO: put real data here (consumers in other services check it against the sample).
    return Exercise.sample("{\"order_id\":\"order_id-sample\",\"customer_id\":\"customer_id-sample\",\"total\":3.5,\"express\":true}", new TypeReference<Models.OrderPlacedMessage>() {});
  }
}
