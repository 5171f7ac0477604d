// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer (4XX, 5XX) of a typed REST client: its status, its body, and the RFC 9457
 * problem it carries ({@code application/problem+json}; an answer that is not one reads as a problem
 * with its status and the body as the detail).
 */
public class RestException extends IOException {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final int status;
  private final String body;
  private final ProblemDetail problem;

  public RestException(int status, String body) {
    super("HTTP " + status + ": " + Exercise.shorten(body));
    this.status = status;
    this.body = body;
    this.problem = parse(status, body);
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The body of the answer, as text. */
  public String body() {
    return body;
  }

  /** The answer's problem: type, title, status, detail, instance and any other member. */
  public ProblemDetail problem() {
    return problem;
  }

  private static ProblemDetail parse(int status, String body) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
    JsonNode node = null;
    try {
      node = JSON.readTree(body);
    } catch (RuntimeException e) {
      // not JSON: the body is the detail
    }
    if (node == null || !node.isObject()) {
      if (!body.isBlank()) problem.setDetail(body);
      return problem;
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      JsonNode value = member.getValue();
      switch (member.getKey()) {
        case "type" -> {
          if (value.isString()) {
            try {
              problem.setType(URI.create(value.asString()));
            } catch (IllegalArgumentException e) {
              problem.setProperty("type", value.asString());
            }
          }
        }
        case "instance" -> {
          if (value.isString()) {
            try {
              problem.setInstance(URI.create(value.asString()));
            } catch (IllegalArgumentException e) {
              problem.setProperty("instance", value.asString());
            }
          }
        }
        case "title" -> problem.setTitle(value.isString() ? value.asString() : value.toString());
        case "detail" -> problem.setDetail(value.isString() ? value.asString() : value.toString());
        case "status" -> {
          // the answer's own status is the one that counts
        }
        default -> problem.setProperty(member.getKey(), JSON.treeToValue(value, Object.class));
      }
    }
    return problem;
  }
}
