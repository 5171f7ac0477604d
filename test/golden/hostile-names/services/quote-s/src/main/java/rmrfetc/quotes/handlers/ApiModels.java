// Your code: the request and response types of the REST endpoints. Safe to edit.
package rmrfetc.quotes.handlers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON bodies of the REST endpoints; JSON keys are the contract's snake_case field names. */
public final class ApiModels {
  private ApiModels() {}

  /** Answer of DELETE /quote-s/{id}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DeleteQuoteSByIdResponse(@JsonProperty("deleted") boolean deleted) {}
}
