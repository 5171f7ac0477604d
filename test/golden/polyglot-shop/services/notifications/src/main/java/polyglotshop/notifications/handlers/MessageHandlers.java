// Your code: what this service does with the messages it consumes. Safe to edit.
package polyglotshop.notifications.handlers;

import polyglotshop.notifications.models.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Called once per consumed message, after the plumbing has parsed its envelope. */
@Component
public class MessageHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);

  /** A message on order-placed from rabbitmq; it is already listed in /ping's received. */
  public void onOrderPlaced(String from, String id, Models.OrderPlacedMessage payload) {
    // TODO: handle the message.
    LOG.info("{} on {} from {}: {}", id, "order-placed", from, payload);
  }
}
