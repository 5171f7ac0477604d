// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract's readiness: the brokers and databases this service uses answer. */
@RestController
public class ReadyController {
  /** An address variable of a broker or database, with the port an address without one means. */
  record Dependency(String env, int port) {}

  private static final List<Dependency> DEPENDENCIES =
      List.of(
          new Dependency("KAFKA_URL", 9092));

  /**
   * The first host and port of an address: a URL (scheme://user:pass@host:port/path) or a list of
   * host:port (Kafka's bootstrap servers).
   */
  static InetSocketAddress address(String value, int fallback) {
    String s = value.trim();
    int scheme = s.indexOf("://");
    if (scheme >= 0) s = s.substring(scheme + 3);
    s = s.split("[/?#]", 2)[0];
    s = s.substring(s.lastIndexOf('@') + 1).split(",", 2)[0];
    String host = s;
    String port = "";
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      host = s.substring(1, end < 0 ? s.length() : end);
      port = end >= 0 && s.startsWith(":", end + 1) ? s.substring(end + 2) : "";
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    return new InetSocketAddress(host, port.matches("\\d+") ? Integer.parseInt(port) : fallback);
  }

  static boolean answers(String value, int fallback) {
    if (value == null || value.isBlank()) return false;
    try (Socket socket = new Socket()) {
      socket.connect(address(value, fallback), 1000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The variables of the dependencies that accept no TCP connection within a second. */
  static List<String> unreachable() {
    List<String> down = new ArrayList<>();
    for (Dependency d : DEPENDENCIES) {
      if (!answers(System.getenv(d.env()), d.port())) down.add(d.env());
    }
    return down;
  }

  @GetMapping("/readyz")
  public ResponseEntity<Map<String, Object>> readyz() {
    List<String> unreachable = unreachable();
    if (!unreachable.isEmpty())
      return ResponseEntity.status(503).body(Map.of("status", "unavailable", "unreachable", unreachable));
    return ResponseEntity.ok(Map.of("status", "ok"));
  }
}
