// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error answer of a REST endpoint, sent as RFC 9457 application/problem+json: throw
 * {@code new Problem(404, "no such order")} from a handler.
 */
public class Problem extends ErrorResponseException {
  public Problem(int status, String detail) {
    super(HttpStatusCode.valueOf(status), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail), null);
  }
}
