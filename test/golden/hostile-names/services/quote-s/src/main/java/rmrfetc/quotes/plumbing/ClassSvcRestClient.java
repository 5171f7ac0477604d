// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Typed client of class's REST endpoints, at CLASS_URL. */
@Component
public class ClassSvcRestClient {
  /** Lenient as in the other languages: unknown fields are skipped, a null number or flag reads as 0 or false. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  /** How long a typed call may take. */
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** The headers of an exercise call. */
  private static final Map<String, String> MARKED = Map.of(Exercise.HEADER, "1");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The target's base URL: CLASS_URL. */
  public String baseUrl() {
    String url = Env.get("CLASS_URL", "http://class:5000");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The target's /ping tree for a request that has passed through {@code hops}. */
  public JsonNode ping(List<String> hops) throws IOException, InterruptedException {
    String target = "/ping?path=" + URLEncoder.encode(String.join(",", hops), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target))
            .timeout(Env.callTimeout(hops.size()))
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " from " + target);
    return JSON.readTree(response.body());
  }

  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  public List<Map<String, Object>> exercise() {
    List<Map<String, Object>> exerciseResults = new ArrayList<>();
    return exerciseResults;
  }

  private HttpResponse<byte[]> send(String method, String target, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target)).timeout(TIMEOUT).header("Accept", "application/json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new RestException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  /** A parameter value as text: strings as they are, anything else as its JSON (an enum by name). */
  private static String text(Object value) {
    if (value instanceof String s) return s;
    String json = JSON.writeValueAsString(value);
    return json.startsWith("\"") ? JSON.readValue(json, String.class) : json;
  }

  private static String segment(Object value) {
    return URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void query(List<String[]> pairs, String name, Object value) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      for (Object item : list) if (item != null) pairs.add(new String[] {name, text(item)});
    } else {
      pairs.add(new String[] {name, text(value)});
    }
  }

  private static void header(Map<String, String> headers, String name, Object value) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object item : list) if (item != null) parts.add(text(item));
      headers.put(name, String.join(", ", parts));
    } else {
      headers.put(name, text(value));
    }
  }

  private static String queryText(List<String[]> pairs) {
    if (pairs.isEmpty()) return "";
    List<String> parts = new ArrayList<>();
    for (String[] pair : pairs) {
      parts.add(URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
    }
    return "?" + String.join("&", parts);
  }
}
