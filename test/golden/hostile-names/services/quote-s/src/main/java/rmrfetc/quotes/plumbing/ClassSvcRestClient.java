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
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

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
    String query = "/ping?path=" + URLEncoder.encode(String.join(",", hops), StandardCharsets.UTF_8);
    return send("GET", query, null, Env.callTimeout(hops.size()));
  }

  private JsonNode send(String method, String target, Object body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target)).timeout(timeout).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + method + " " + target);
    }
    return response.body().length == 0 ? NullNode.getInstance() : JSON.readTree(response.body());
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
