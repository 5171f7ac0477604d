/** Typed REST clients of the services this one calls. Generated: do not edit. */

import type * as models from '../models.js';
import * as config from './config.js';
import { HEADERS, HttpError, method, restDiff, type Answer, type MethodResult } from './exercise.js';

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function seg(value: unknown): string {
  return encodeURIComponent(text(value));
}

function pairs(items: [string, unknown][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of items) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, text(v)]);
  }
  return out;
}

/** REST client of orders, at the address in ORDERS_URL. */
export class OrdersRestClient {
  private async send(method: string, path: string, query: [string, string][], headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<Answer> {
    const qs = new URLSearchParams(query).toString();
    const url = config.env("ORDERS_URL").replace(/\/+$/, '') + path + (qs ? `?${qs}` : '');
    const resp = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await resp.text();
    if (!resp.ok) throw new HttpError(resp.status, text);
    return { status: resp.status, answer: text.trim() ? (JSON.parse(text) as unknown) : undefined };
  }

  /** GET /orders/{order_id} on orders; rejects with HttpError on an error answer. */
  async getOrdersByOrderId(args: { orderId: string; includeItems?: boolean }, headers: Record<string, string> = {}, timeoutMs = config.TIMEOUT_MS): Promise<models.GetOrdersByOrderIdResponse> {
    return (await this.#getOrdersByOrderId(args, headers, timeoutMs)).answer as models.GetOrdersByOrderIdResponse;
  }

  /** Sends GET /orders/{order_id}: its success status and its JSON answer. */
  async #getOrdersByOrderId(args: { orderId: string; includeItems?: boolean }, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    return this.send("GET", `/orders/${seg(args.orderId)}`, pairs([["include_items", args.includeItems]]), { ...Object.fromEntries(pairs([])), ...headers }, undefined, timeoutMs);
  }

  /** POST /orders/addToCart on orders; rejects with HttpError on an error answer. */
  async postOrdersAddToCart(args: { body?: models.PostOrdersAddToCartRequest } = {}, headers: Record<string, string> = {}, timeoutMs = config.TIMEOUT_MS): Promise<models.PostOrdersAddToCartResponse> {
    return (await this.#postOrdersAddToCart(args, headers, timeoutMs)).answer as models.PostOrdersAddToCartResponse;
  }

  /** Sends POST /orders/addToCart: its success status and its JSON answer. */
  async #postOrdersAddToCart(args: { body?: models.PostOrdersAddToCartRequest } = {}, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    return this.send("POST", `/orders/addToCart`, pairs([]), { ...Object.fromEntries(pairs([])), ...headers }, args.body, timeoutMs);
  }

  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("GET /orders/{order_id}", async () => restDiff(200, {"order_id":"order_id-sample","status":"ORDER_STATUS_PLACED","items":[{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}},{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}}],"total":{"currency_code":"currency_code-sample","units":2,"nanos":3}}, await this.#getOrdersByOrderId({ orderId: "order_id-sample", includeItems: true } as never, HEADERS, timeoutMs))),
      await method("POST /orders/addToCart", async () => restDiff(200, {"cart_id":"cart_id-sample","items":[{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}},{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}}]}, await this.#postOrdersAddToCart({ body: {"sku":"sku-sample","quantity":2} } as never, HEADERS, timeoutMs))),
    ];
  }
}

export const ordersRest = new OrdersRestClient();

const CLIENTS: Record<string, { exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
  "ordersRest": ordersRest,
};

/** The typed exercise of an outgoing REST link, by client name. */
export async function restExercise(client: string, timeoutMs?: number): Promise<MethodResult[]> {
  const c = CLIENTS[client];
  return c ? c.exercise(timeoutMs) : [];
}
