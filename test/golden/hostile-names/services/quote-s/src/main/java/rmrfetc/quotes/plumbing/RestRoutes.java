// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package rmrfetc.quotes.plumbing;

import java.util.LinkedHashMap;
import java.util.Map;
import rmrfetc.quotes.handlers.ApiHandlers;
import rmrfetc.quotes.models.Models;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST endpoints of quote-s, at their paths as declared (case kept). Each reads its path,
 * query and header parameters and its JSON body as the contract types them (400 for a parameter
 * that does not fit, 422 for a body: see Problems), answers an exercise call (header
 * {@code polyglot-exercise}) with the sample after checking the request, and otherwise calls
 * ApiHandlers.
 */
@RestController
public class RestRoutes {
  private final ApiHandlers apiHandlers;

  public RestRoutes(ApiHandlers apiHandlers) {
    this.apiHandlers = apiHandlers;
  }

  /** The sample answer of an exercise call. */
  private static ResponseEntity<Object> answer(int status, String json) {
    if (json == null) return ResponseEntity.status(status).build();
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Exercise.readJson(json));
  }

  /** DELETE /quote-s/{id} */
  @RequestMapping(method = RequestMethod.DELETE, path = "/quote-s/{p0}")
  public ResponseEntity<Object> deleteQuoteSById(
      @PathVariable("p0") String id,
      @RequestHeader(name = Exercise.HEADER, required = false) String exerciseMarker) {
    if (exerciseMarker != null) {
      Map<String, Object> callGot = new LinkedHashMap<>();
      callGot.put("id", id);
      String callProblem = Exercise.jsonDiff("{\"id\":\"id-sample\"}", callGot);
      if (callProblem != null) {
        throw new Problem(422, "DELETE /quote-s/{id}" + ": the request differs from the sample: " + callProblem);
      }
      return answer(200, "{\"deleted\":true}");
    }
    return ResponseEntity.status(200).body(apiHandlers.deleteQuoteSById(id));
  }
}
