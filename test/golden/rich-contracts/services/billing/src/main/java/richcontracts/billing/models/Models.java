// Generated from the design: regenerating the project replaces this file.
package richcontracts.billing.models;

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

  /** richcontracts.v1.OrderEventsMessage */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrderEventsMessage(
      @JsonProperty("order_id") String orderId,
      @JsonProperty("status") OrderStatus status,
      @JsonProperty("total") Money total,
      @JsonProperty("at") String at) {}

  /** richcontracts.v1.OrderStatus */
  public enum OrderStatus {
    @JsonProperty("ORDER_STATUS_UNSPECIFIED")
    ORDER_STATUS_UNSPECIFIED,
    @JsonProperty("ORDER_STATUS_PLACED")
    ORDER_STATUS_PLACED,
    @JsonProperty("ORDER_STATUS_SHIPPED")
    ORDER_STATUS_SHIPPED
  }

  /** richcontracts.v1.Money */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Money(
      @JsonProperty("currency_code") String currencyCode,
      @JsonProperty("units") Long units,
      @JsonProperty("nanos") Integer nanos) {}
}
