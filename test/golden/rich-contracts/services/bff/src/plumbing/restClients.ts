/** Typed REST clients of the services this one calls. Generated: do not edit. */

import * as config from './config.js';

/** Response of GET /orders/{order_id} on orders. */
export interface OrdersRestGetOrdersByOrderIdReply {
  order_id: string;
}

/** Response of POST /orders/addToCart on orders. */
export interface OrdersRestPostOrdersAddToCartReply {
  cart_id: string;
}

/** REST client of orders, at the address in ORDERS_URL. */
export class OrdersRestClient {
  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = config.env("ORDERS_URL").replace(/\/+$/, '') + path;
    const resp = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.TIMEOUT_MS),
    });
    if (!resp.ok) throw new Error(`HTTP ${resp.status} from ${method} ${url}`);
    return resp.json();
  }

  /** GET /orders/{order_id} on orders. */
  getOrdersByOrderId(params: { order_id: string }): Promise<OrdersRestGetOrdersByOrderIdReply> {
    return this.send("GET", `/orders/${encodeURIComponent(params.order_id)}`) as Promise<OrdersRestGetOrdersByOrderIdReply>;
  }

  /** POST /orders/addToCart on orders. */
  postOrdersAddToCart(_params: { }, body: Record<string, unknown> = {}): Promise<OrdersRestPostOrdersAddToCartReply> {
    return this.send("POST", `/orders/addToCart`, body) as Promise<OrdersRestPostOrdersAddToCartReply>;
  }
}

export const ordersRest = new OrdersRestClient();
