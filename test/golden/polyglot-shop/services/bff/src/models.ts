/**
 * The types of the REST bodies, responses and parameters this service serves and calls, as JSON
 * (keys as on the wire). Generated from the design: do not edit.
 */

/** polyglotshop.bff.v1.GetApiCartResponse */
export interface GetApiCartResponse {
  "items"?: number;
  "total"?: number;
}

/** polyglotshop.orders.v1.PostOrdersRequest */
export interface PostOrdersRequest {
  "customer_id"?: string;
  "sku"?: string;
  "quantity"?: number;
}

/** polyglotshop.orders.v1.PostOrdersResponse */
export interface PostOrdersResponse {
  "order_id"?: string;
  "status"?: string;
}

/** polyglotshop.orders.v1.GetOrdersByIdResponse */
export interface GetOrdersByIdResponse {
  "order_id"?: string;
  "status"?: string;
  "total"?: number;
}

/** A field of the schema table: JSON key, kind (string, int, float, bool, enum:X, msg:X, any, object, array) and cardinality. */
export type SchemaField = [key: string, kind: string, card: 'single' | 'optional' | 'repeated' | 'map'];

/** The values of each enum, by name. */
export const ENUMS: Record<string, string[]> = {

};

/** The fields of each message. */
export const MESSAGES: Record<string, SchemaField[]> = {
  "GetApiCartResponse": [["items", "int", "single"], ["total", "float", "single"]],
  "PostOrdersRequest": [["customer_id", "string", "single"], ["sku", "string", "single"], ["quantity", "int", "single"]],
  "PostOrdersResponse": [["order_id", "string", "single"], ["status", "string", "single"]],
  "GetOrdersByIdResponse": [["order_id", "string", "single"], ["status", "string", "single"], ["total", "float", "single"]],
};
