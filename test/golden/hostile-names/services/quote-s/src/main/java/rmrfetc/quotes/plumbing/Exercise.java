// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed exercise of the service contract (docs/stub-contract.md). /ping calls every RPC and
 * endpoint of an outgoing link with the contract's sample data, marked with the
 * {@code polyglot-exercise: 1} header (gRPC metadata or HTTP header); the callee's plumbing checks
 * that what arrived is the sample and answers the sample, the caller checks the answer. User
 * handlers are never called for it.
 */
public final class Exercise {
  /** The marker header of an exercise call. */
  public static final String HEADER = "polyglot-exercise";

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Exercise() {}

  /** A sample (its JSON text) as a value of its type: {@code sample("{...}", new TypeReference<Models.Order>() {})}. */
  public static <T> T sample(String json, TypeReference<T> type) {
    return JSON.readValue(json, type);
  }

  /** One exercise call: null when it went as expected, else what went wrong. */
  public interface Check {
    String run() throws Exception;
  }

  /** Runs one exercise call: a {@code methods} entry of the /ping tree. */
  public static Map<String, Object> method(String name, Check check) {
    String problem;
    try {
      problem = check.run();
    } catch (Exception e) {
      problem = errorText(e);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("ok", problem == null);
    if (problem != null) entry.put("error", problem);
    return entry;
  }

  /** The text of a failed call: a gRPC status and its description, an HTTP status and its body, or the exception. */
  public static String errorText(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** A JSON text read as plain Java values (maps, lists, strings, numbers, booleans). */
  public static Object readJson(String json) {
    return json == null ? null : JSON.readValue(json, Object.class);
  }

  /** Any value (a record, a list of them, a map) as plain Java values, through its JSON form. */
  public static Object plain(Object value) {
    return value == null ? null : JSON.readValue(JSON.writeValueAsBytes(value), Object.class);
  }

  /** A value in one comparable text: keys sorted, unset (null) members left out, 1 equal to 1.0. */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(plain(value), out);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) if (e.getValue() != null) sorted.put(String.valueOf(e.getKey()), e.getValue());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) out.append(',');
        first = false;
        out.append(JSON.writeValueAsString(e.getKey())).append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      out.append('[');
      boolean first = true;
      for (Object x : c) {
        if (!first) out.append(',');
        first = false;
        write(x, out);
      }
      out.append(']');
    } else if (v instanceof Number n) {
      out.append(numberText(n));
    } else {
      out.append(JSON.writeValueAsString(v));
    }
  }

  private static String numberText(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) return JSON.writeValueAsString(d.toString());
    if (n instanceof Float f && (f.isNaN() || f.isInfinite())) return JSON.writeValueAsString(f.toString());
    BigDecimal b = new BigDecimal(n.toString()).stripTrailingZeros();
    return b.signum() == 0 ? "0" : b.toPlainString();
  }

  /** At most 300 characters of a text. */
  public static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 297) + "...";
  }

  /** null when a value equals the sample (its JSON text), else what differs. */
  public static String jsonDiff(String expectedJson, Object got) {
    String a = canonical(readJson(expectedJson));
    String b = canonical(got);
    return a.equals(b) ? null : "expected " + shorten(a) + ", got " + shorten(b);
  }

  /** A mutable list of method entries. */
  public static List<Map<String, Object>> results() {
    return new ArrayList<>();
  }
}
