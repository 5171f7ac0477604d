import type { GeneratedFile } from '../../types';
import { javaString } from './names';
import { javaFile, type JavaPlan } from './plan';

/** The fixed plumbing every Java stub has: the main class, settings, env, received log, envelopes. */

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

function application(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.base,
    'Application',
    `${HEADER}
package ${p.base};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the service: HTTP on PORT${p.own ? ', gRPC on GRPC_PORT' : ''}, consumers in the background. */
@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }
}
`,
  );
}

function properties(p: JavaPlan): GeneratedFile {
  const lines = [
    '# Every setting comes from the environment (see README.md); these are the fallbacks.',
    `spring.application.name=\${SERVICE_NAME:${p.dns}}`,
    `server.port=\${PORT:${p.ctx.wiring.node.port}}`,
    'spring.main.banner-mode=off',
    'spring.jmx.enabled=false',
    'server.shutdown=graceful',
    'spring.lifecycle.timeout-per-shutdown-phase=5s',
    'logging.level.org.apache.kafka=WARN',
    '',
  ];
  return { path: 'src/main/resources/application.properties', content: lines.join('\n') };
}

function env(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Env',
    `${HEADER}
package ${p.plumbing};

import java.time.Duration;

/** Configuration comes only from environment variables; the fallbacks are what compose sets. */
public final class Env {
  /** How long a broker or database operation may take before it counts as failed. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Env() {}

  /**
   * How long a call to another service may take: longer the nearer the call is to the entry, so a
   * slow link deep in the tree fails there rather than timing out every caller above it (each hop
   * waits a second longer than the one below, down to TIMEOUT + 1 s).
   */
  public static Duration callTimeout(int hopLength) {
    return TIMEOUT.plusSeconds(Math.max(1, 8 - hopLength));
  }

  /** The variable's value, or the fallback when it is unset or blank. */
  public static String get(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** This service's name: SERVICE_NAME, used in trees, envelopes, consumer groups and queues. */
  public static String serviceName() {
    return get("SERVICE_NAME", ${javaString(p.dns)});
  }

  /** A name for this replica among others of the same service (the container's host name). */
  public static String instanceName() {
    return serviceName() + "-" + get("HOSTNAME", String.valueOf(ProcessHandle.current().pid()));
  }
}
`,
  );
}

function received(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Received',
    `${HEADER}
package ${p.plumbing};

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
`,
  );
}

function envelopes(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'Envelopes',
    `${HEADER}
package ${p.plumbing};

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
`,
  );
}

function pingController(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'PingController',
    `${HEADER}
package ${p.plumbing};

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
`,
  );
}

/** The fixed plumbing files of a Java stub. */
export function corePlumbing(p: JavaPlan): GeneratedFile[] {
  return [application(p), properties(p), env(p), received(p), envelopes(p), pingController(p)];
}
