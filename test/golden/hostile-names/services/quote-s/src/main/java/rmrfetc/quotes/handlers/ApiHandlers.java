// Your code: the REST endpoints other services call on this one. Safe to edit.
package rmrfetc.quotes.handlers;

import tools.jackson.core.type.TypeReference;
import rmrfetc.quotes.models.Models;
import rmrfetc.quotes.plumbing.Exercise;
import rmrfetc.quotes.plumbing.Problem;
import org.springframework.stereotype.Component;

/**
 * The REST endpoints of quote-s, typed by the contract, answering sample data until you fill them
 * in. RestRoutes (generated) reads the parameters and the body and calls these; an error answer is
 * {@code throw new Problem(404, "...")}, sent as RFC 9457 application/problem+json.
 */
@Component
public class ApiHandlers {
  /**
   * DELETE /quote-s/{id}
   */
  public Models.DeleteQuoteSByIdResponse deleteQuoteSById(String id) {
    // TODO: replace the sample answer with the real one.
    return Exercise.sample("{\"deleted\":true}", new TypeReference<Models.DeleteQuoteSByIdResponse>() {});
  }
}
