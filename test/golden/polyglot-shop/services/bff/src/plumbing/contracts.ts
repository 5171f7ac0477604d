/** The contracts this service serves (field names as on the wire). Generated: do not edit. */

/** Path parameters of GET /api/cart. */
export type GetApiCartParams = { };

/** Response of GET /api/cart. */
export interface GetApiCartReply {
  items: number;
  total: number;
}
export {};
