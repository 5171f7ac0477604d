/**
 * The ping contract every gRPC server of an export serves: `polyglot.ping.v1.PingService`, in its
 * own file, so that it never alters the user's services.
 */

/**
 * Whether the services made in the app also keep the `Ping` RPC they had in design version 2.
 * The stubs of version 2 call it there; it goes (this flag becomes false) once every runtime's
 * stub calls `polyglot.ping.v1.PingService` instead.
 */
export const LEGACY_IN_SERVICE_PING = true;

/** The messages of the in-service Ping, in the service's own package. */
export const PING_MESSAGES = ['PingRequest', 'PingResponse'] as const;

/** Where the ping contract lives under the proto root. */
export const PING_PROTO_PATH = 'polyglot/ping/v1/ping.proto';

/** The full name of the ping service, as reflection and the health check name it. */
export const PING_SERVICE = 'polyglot.ping.v1.PingService';

export const PING_PROTO = `syntax = "proto3";

package polyglot.ping.v1;

// PingService is served by every gRPC server of the project, beside the services of the design.
service PingService {
  // Ping fans out over every outgoing link and returns the tree of who answered, as JSON.
  rpc Ping(PingRequest) returns (PingResponse);
}

// PingRequest carries the services the call has passed through, to stop loops.
message PingRequest {
  repeated string path = 1;
}

// PingResponse carries the answer tree as JSON text.
message PingResponse {
  string tree_json = 1;
}
`;
