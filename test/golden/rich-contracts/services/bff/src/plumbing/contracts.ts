/** The contracts this service serves (field names as on the wire). Generated: do not edit. */


export {};
