/** Typed REST clients of the services this one calls. Generated: do not edit. */

import * as config from './config.js';

/** Response of POST /orders on orders. */
export interface OrdersRestPostOrdersReply {
  order_id: string;
  status: string;
}

/** Response of GET /orders/{id} on orders. */
export interface OrdersRestGetOrdersByIdReply {
  order_id: string;
  status: string;
  total: number;
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

  /** POST /orders on orders. */
  postOrders(_params: { }, body: Record<string, unknown> = {}): Promise<OrdersRestPostOrdersReply> {
    return this.send("POST", `/orders`, body) as Promise<OrdersRestPostOrdersReply>;
  }

  /** GET /orders/{id} on orders. */
  getOrdersById(params: { id: string }): Promise<OrdersRestGetOrdersByIdReply> {
    return this.send("GET", `/orders/${encodeURIComponent(params.id)}`) as Promise<OrdersRestGetOrdersByIdReply>;
  }
}

export const ordersRest = new OrdersRestClient();
