/** The contracts this service serves (field names as on the wire). Generated: do not edit. */

/** Request of the PingCall RPC. */
export interface PingCallRequest {
  x: string;
}

/** Response of the PingCall RPC. */
export interface PingCallResponse {
  y: string;
}

/** Request of the DeleteEverything RPC. */
export interface DeleteEverythingRequest {
  from_value: string;
  path_value: string;
  class_value: string;
  quoted_field: string;
  naive_field: number;
  field_1st: number;
  service_value: boolean;
}

/** Response of the DeleteEverything RPC. */
export interface DeleteEverythingResponse {
  from_value: string;
  path_value: string;
  class_value: string;
  quoted_field: string;
  naive_field: number;
  field_1st: number;
  service_value: boolean;
}

/** Request of the PingRequest RPC. */
export interface PingRequestRequest {
}

/** Response of the PingRequest RPC. */
export interface PingRequestResponse {
}
export {};
