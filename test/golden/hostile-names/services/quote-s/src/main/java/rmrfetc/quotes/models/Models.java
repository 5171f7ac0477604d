// Generated from the design: regenerating the project replaces this file.
package rmrfetc.quotes.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The types of the REST bodies, answers and parameters and of the message payloads this service
 * serves, calls and exchanges, as JSON carries them (keys as on the wire). A field that is not set
 * is null and left out of the JSON.
 */
public final class Models {
  private Models() {}

  /** rmrfetc.quotes.v1.DeleteQuoteSByIdResponse */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DeleteQuoteSByIdResponse(
      @JsonProperty("deleted") Boolean deleted) {}
}
