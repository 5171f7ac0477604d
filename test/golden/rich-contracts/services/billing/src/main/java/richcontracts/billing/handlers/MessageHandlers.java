// Your code: what this service does with the messages it consumes. Safe to edit.
package richcontracts.billing.handlers;

import richcontracts.billing.models.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Called once per consumed message, after the plumbing has parsed its envelope. */
@Component
public class MessageHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);

  /** A message on order-events from kafka; it is already listed in /ping's received. */
  public void onOrderEvents(String from, String id, Models.OrderEventsMessage payload) {
    // TODO: handle the message.
    LOG.info("{} on {} from {}: {}", id, "order-events", from, payload);
  }
}
