// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's HTTP side: /healthz and /ping. */
@RestController
public class PingController {
  private final Fanout fanout;

  public PingController(Fanout fanout) {
    this.fanout = fanout;
  }

  @GetMapping("/healthz")
  public Map<String, String> healthz() {
    return Map.of("status", "ok");
  }

  /** Fans out over every outgoing link; {@code path} lists the services already passed through. */
  @GetMapping("/ping")
  public Map<String, Object> ping(@RequestParam(name = "path", required = false) String path) {
    List<String> hops =
        path == null || path.isBlank()
            ? List.of()
            : Arrays.stream(path.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return fanout.tree(hops);
  }
}
