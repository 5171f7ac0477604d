// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The message envelope every language uses: {id, from, topic, path, payload}. */
@Component
public class Envelopes {
  private static final JsonMapper JSON = new JsonMapper();
  private final AtomicLong counter = new AtomicLong();

  /** One message ready to publish: its id and its JSON bytes. */
  public record Outgoing(String id, byte[] body) {}

  /** Wraps a payload in an envelope with a fresh id, e.g. {@code orders-1}. */
  public Outgoing wrap(String topic, List<String> path, Object payload) {
    String id = Env.serviceName() + "-" + counter.incrementAndGet();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("from", Env.serviceName());
    envelope.put("topic", topic);
    envelope.put("path", path);
    envelope.put("payload", payload);
    return new Outgoing(id, JSON.writeValueAsBytes(envelope));
  }
}
