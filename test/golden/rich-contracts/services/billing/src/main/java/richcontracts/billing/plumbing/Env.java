// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package richcontracts.billing.plumbing;

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
    return get("SERVICE_NAME", "billing");
  }

  /** A name for this replica among others of the same service (the container's host name). */
  public static String instanceName() {
    return serviceName() + "-" + get("HOSTNAME", String.valueOf(ProcessHandle.current().pid()));
  }
}
