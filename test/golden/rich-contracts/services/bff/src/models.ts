/**
 * The types of the REST bodies, responses and parameters this service serves and calls, as JSON
 * (keys as on the wire). Generated from the design: do not edit.
 */

/** richcontracts.orders.v1.GetOrdersByOrderIdResponse */
export interface GetOrdersByOrderIdResponse {
  "order_id"?: string;
  "status"?: OrderStatus;
  "items"?: LineItem[];
  "total"?: Money;
}

/** richcontracts.v1.OrderStatus */
export type OrderStatus = "ORDER_STATUS_UNSPECIFIED" | "ORDER_STATUS_PLACED" | "ORDER_STATUS_SHIPPED";

/** richcontracts.v1.LineItem */
export interface LineItem {
  "sku"?: string;
  "quantity"?: number;
  "unit_price"?: Money;
}

/** richcontracts.v1.Money */
export interface Money {
  "currency_code"?: string;
  "units"?: number;
  "nanos"?: number;
}

/** richcontracts.orders.v1.PostOrdersAddToCartRequest */
export interface PostOrdersAddToCartRequest {
  "sku"?: string;
  "quantity"?: number;
}

/** richcontracts.orders.v1.PostOrdersAddToCartResponse */
export interface PostOrdersAddToCartResponse {
  "cart_id"?: string;
  "items"?: LineItem[];
}

/** A field of the schema table: JSON key, kind (string, int, float, bool, enum:X, msg:X, any, object, array) and cardinality. */
export type SchemaField = [key: string, kind: string, card: 'single' | 'optional' | 'repeated' | 'map'];

/** The values of each enum, by name. */
export const ENUMS: Record<string, string[]> = {
  "OrderStatus": ["ORDER_STATUS_UNSPECIFIED", "ORDER_STATUS_PLACED", "ORDER_STATUS_SHIPPED"],
};

/** The fields of each message. */
export const MESSAGES: Record<string, SchemaField[]> = {
  "GetOrdersByOrderIdResponse": [["order_id", "string", "single"], ["status", "enum:OrderStatus", "single"], ["items", "msg:LineItem", "repeated"], ["total", "msg:Money", "single"]],
  "LineItem": [["sku", "string", "single"], ["quantity", "int", "single"], ["unit_price", "msg:Money", "single"]],
  "Money": [["currency_code", "string", "single"], ["units", "int", "single"], ["nanos", "int", "single"]],
  "PostOrdersAddToCartRequest": [["sku", "string", "single"], ["quantity", "int", "single"]],
  "PostOrdersAddToCartResponse": [["cart_id", "string", "single"], ["items", "msg:LineItem", "repeated"]],
};
