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

  /** POST /orders on orders; rejects with HttpError on an error answer. */
  async postOrders(args: { body?: models.PostOrdersRequest } = {}, headers: Record<string, string> = {}, timeoutMs = config.TIMEOUT_MS): Promise<models.PostOrdersResponse> {
    return (await this.#postOrders(args, headers, timeoutMs)).answer as models.PostOrdersResponse;
  }

  /** Sends POST /orders: its success status and its JSON answer. */
  async #postOrders(args: { body?: models.PostOrdersRequest } = {}, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    return this.send("POST", `/orders`, pairs([]), { ...Object.fromEntries(pairs([])), ...headers }, args.body, timeoutMs);
  }

  /** GET /orders/{id} on orders; rejects with HttpError on an error answer. */
  async getOrdersById(args: { id: string }, headers: Record<string, string> = {}, timeoutMs = config.TIMEOUT_MS): Promise<models.GetOrdersByIdResponse> {
    return (await this.#getOrdersById(args, headers, timeoutMs)).answer as models.GetOrdersByIdResponse;
  }

  /** Sends GET /orders/{id}: its success status and its JSON answer. */
  async #getOrdersById(args: { id: string }, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    return this.send("GET", `/orders/${seg(args.id)}`, pairs([]), { ...Object.fromEntries(pairs([])), ...headers }, undefined, timeoutMs);
  }

  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("POST /orders", async () => restDiff(200, {"order_id":"order_id-sample","status":"status-sample"}, await this.#postOrders({ body: {"customer_id":"customer_id-sample","sku":"sku-sample","quantity":3} } as never, HEADERS, timeoutMs))),
      await method("GET /orders/{id}", async () => restDiff(200, {"order_id":"order_id-sample","status":"status-sample","total":3.5}, await this.#getOrdersById({ id: "id-sample" } as never, HEADERS, timeoutMs))),
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
