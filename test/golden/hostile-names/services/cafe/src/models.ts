/**
 * The types of the REST bodies, responses and parameters this service serves and calls, as JSON
 * (keys as on the wire). Generated from the design: do not edit.
 */

/** rmrfetc.quotes.v1.DeleteQuoteSByIdResponse */
export interface DeleteQuoteSByIdResponse {
  "deleted"?: boolean;
}

/** A field of the schema table: JSON key, kind (string, int, float, bool, enum:X, msg:X, any, object, array) and cardinality. */
export type SchemaField = [key: string, kind: string, card: 'single' | 'optional' | 'repeated' | 'map'];

/** The values of each enum, by name. */
export const ENUMS: Record<string, string[]> = {

};

/** The fields of each message. */
export const MESSAGES: Record<string, SchemaField[]> = {
  "DeleteQuoteSByIdResponse": [["deleted", "bool", "single"]],
};
