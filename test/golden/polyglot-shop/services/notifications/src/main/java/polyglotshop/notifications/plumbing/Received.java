// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package polyglotshop.notifications.plumbing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The last 20 messages this service consumed, newest last, as /ping shows them. */
@Component
public class Received {
  private static final int KEEP = 20;
  private final Deque<Map<String, Object>> last = new ArrayDeque<>();

  /** Notes one consumed envelope; {@code valid}: whether its payload is the sample of the channel's message. */
  public synchronized void add(String broker, String topic, JsonNode envelope, boolean valid) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("broker", broker);
    entry.put("topic", topic);
    entry.put("from", envelope.path("from").asString(""));
    entry.put("id", envelope.path("id").asString(""));
    entry.put("valid", valid);
    last.addLast(entry);
    while (last.size() > KEEP) last.removeFirst();
  }

  /** A copy of the log, oldest first. */
  public synchronized List<Map<String, Object>> snapshot() {
    return new ArrayList<>(last);
  }
}
