// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error answer as RFC 9457 application/problem+json: a {@link Problem} a handler throws, a
 * parameter that does not fit its type (400), a body that does not fit the contract (422), and
 * any other failure (500).
 */
@RestControllerAdvice
public class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private static ResponseEntity<ProblemDetail> send(HttpStatusCode status, ProblemDetail body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static ResponseEntity<ProblemDetail> send(int status, String detail) {
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    return send(code, ProblemDetail.forStatusAndDetail(code, detail));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return send(422, "the body does not fit the contract: " + Exercise.shorten(String.valueOf(cause.getMessage())));
  }

  @ExceptionHandler(TypeMismatchException.class)
  public ResponseEntity<ProblemDetail> mismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter " + e.getPropertyName();
    return send(400, name + ": " + Exercise.shorten(String.valueOf(e.getValue())) + " does not fit its type");
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> other(Exception e) {
    if (e instanceof ErrorResponse known) return send(known.getStatusCode(), known.getBody());
    LOG.error("request failed", e);
    return send(HttpStatus.INTERNAL_SERVER_ERROR.value(), String.valueOf(e.getMessage()));
  }
}
