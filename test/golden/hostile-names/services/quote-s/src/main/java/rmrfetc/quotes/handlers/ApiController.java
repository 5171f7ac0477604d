// Your code: the REST endpoints other services call on this one. Safe to edit.
package rmrfetc.quotes.handlers;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints declared on incoming REST links, answering sample data until you fill them in. */
@RestController
public class ApiController {
  /** DELETE /quote-s/{id} */
  @DeleteMapping("/quote-s/{id}")
  public ApiModels.DeleteQuoteSByIdResponse deleteQuoteSById(@PathVariable("id") String id) {
    // TODO: replace the sample answer with the real one.
    return new ApiModels.DeleteQuoteSByIdResponse(true);
  }
}
