// Generated from the design: regenerating the project replaces this file.
package polyglotshop.notifications.models;

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

  /** polyglotshop.v1.OrderPlacedMessage */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrderPlacedMessage(
      @JsonProperty("order_id") String orderId,
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("total") Double total,
      @JsonProperty("express") Boolean express) {}
}
