/** Typed REST clients of the services this one calls. Generated: do not edit. */

import * as config from './config.js';

/** Response of DELETE /quote-s/{id} on quote-s. */
export interface QuoteSRestDeleteQuoteSByIdReply {
  deleted: boolean;
}

/** REST client of quote-s, at the address in QUOTE_S_URL. */
export class QuoteSRestClient {
  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = config.env("QUOTE_S_URL").replace(/\/+$/, '') + path;
    const resp = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.TIMEOUT_MS),
    });
    if (!resp.ok) throw new Error(`HTTP ${resp.status} from ${method} ${url}`);
    return resp.json();
  }

  /** DELETE /quote-s/{id} on quote-s. */
  deleteQuoteSById(params: { id: string }): Promise<QuoteSRestDeleteQuoteSByIdReply> {
    return this.send("DELETE", `/quote-s/${encodeURIComponent(params.id)}`) as Promise<QuoteSRestDeleteQuoteSByIdReply>;
  }
}

export const quoteSRest = new QuoteSRestClient();
