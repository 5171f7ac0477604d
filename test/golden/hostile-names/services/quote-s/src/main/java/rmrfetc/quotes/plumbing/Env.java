// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

/** Configuration comes only from environment variables; the fallbacks are what compose sets. */
public final class Env {
  private Env() {}

  /** The variable's value, or the fallback when it is unset or blank. */
  public static String get(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** This service's name: SERVICE_NAME, used in trees, envelopes, consumer groups and queues. */
  public static String serviceName() {
    return get("SERVICE_NAME", "quote-s");
  }

  /** A name for this replica among others of the same service (the container's host name). */
  public static String instanceName() {
    return serviceName() + "-" + get("HOSTNAME", String.valueOf(ProcessHandle.current().pid()));
  }
}
