// Your code: the gRPC methods other services call on this one. Safe to edit.
package shopv3.pricing.handlers;

import org.springframework.stereotype.Component;

/**
 * The RPCs of PricingService declared on incoming gRPC links, answering sample data until you
 * fill them in. The message classes are generated from src/main/proto at build time.
 */
@Component
public class RpcHandlers {
  /** GetItem: called by GrpcServer for each GetItem request. */
  public shopv3.pricing.v1.Pricing.GetItemResponse getItem(shopv3.pricing.v1.Pricing.GetItemRequest rpcRequest) {
    // TODO: replace the sample answer with the real one.
    return shopv3.pricing.v1.Pricing.GetItemResponse.newBuilder()
        .setId("sample-id")
        .setScore(0.5)
        .build();
  }
}
