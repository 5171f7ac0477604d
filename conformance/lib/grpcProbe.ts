import { connect, constants } from 'node:http2';
import { parse } from 'protobufjs';

/**
 * A small gRPC client over HTTP/2 (cleartext, as the stubs serve it) for the two standard
 * services every gRPC stub serves: `grpc.health.v1.Health/Check` and server reflection, asked
 * the way `grpcurl list` and `grpcurl describe` ask (reflection v1, then v1alpha). It speaks
 * the wire protocol itself so the conformance run needs no gRPC library of its own.
 */

const PROTOS = `
syntax = "proto3";
package probe;
message HealthCheckRequest { string service = 1; }
message HealthCheckResponse {
  enum ServingStatus { UNKNOWN = 0; SERVING = 1; NOT_SERVING = 2; SERVICE_UNKNOWN = 3; }
  ServingStatus status = 1;
}
message ServerReflectionRequest {
  string host = 1;
  oneof message_request {
    string file_by_filename = 3;
    string file_containing_symbol = 4;
    string list_services = 7;
  }
}
message ServiceResponse { string name = 1; }
message ListServiceResponse { repeated ServiceResponse service = 1; }
message FileDescriptorResponse { repeated bytes file_descriptor_proto = 1; }
message ErrorResponse { int32 error_code = 1; string error_message = 2; }
message ServerReflectionResponse {
  string valid_host = 1;
  ServerReflectionRequest original_request = 2;
  oneof message_response {
    FileDescriptorResponse file_descriptor_response = 4;
    ListServiceResponse list_services_response = 6;
    ErrorResponse error_response = 7;
  }
}
`;

const root = parse(PROTOS).root;
const T = (name: string) => root.lookupType(`probe.${name}`);

/** gRPC status 12: the server does not have the method (here: this reflection version). */
const UNIMPLEMENTED = 12;

export interface RpcResult {
  /** The gRPC status code, or why no call completed. */
  status: number | string;
  message: string;
  replies: Uint8Array[];
}

/** Frames a message as gRPC does: a compression flag, a big-endian length, the bytes. */
function frame(body: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

function unframe(data: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at + 5 <= data.length) {
    const len = data.readUInt32BE(at + 1);
    out.push(data.subarray(at + 5, at + 5 + len));
    at += 5 + len;
  }
  return out;
}

/** One call that sends one message and half-closes: unary, or a bidi stream asked one question. */
export function call(
  port: number,
  path: string,
  body: Uint8Array,
  timeoutMs = 5000,
  metadata: Record<string, string> = {},
): Promise<RpcResult> {
  return new Promise((done) => {
    const session = connect(`http://127.0.0.1:${port}`);
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let message = '';
    let finished = false;
    const finish = (r: RpcResult) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      session.close();
      session.destroy();
      done(r);
    };
    const timer = setTimeout(
      () => finish({ status: `no answer within ${timeoutMs} ms`, message: '', replies: [] }),
      timeoutMs,
    );
    session.on('error', (e) => finish({ status: e.message, message: '', replies: [] }));
    const read = (h: Record<string, unknown>) => {
      if (h['grpc-status'] !== undefined) status = Number(h['grpc-status']);
      if (typeof h['grpc-message'] === 'string') message = decodeURIComponent(h['grpc-message']);
    };
    const req = session.request({
      [constants.HTTP2_HEADER_METHOD]: 'POST',
      [constants.HTTP2_HEADER_PATH]: path,
      [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
      te: 'trailers',
      ...metadata,
    });
    req.on('response', (h) => {
      const http = Number(h[constants.HTTP2_HEADER_STATUS]);
      if (http !== 200) finish({ status: `HTTP ${http}`, message: '', replies: [] });
      else read(h);
    });
    req.on('trailers', read);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', (e) => finish({ status: e.message, message: '', replies: [] }));
    req.on('close', () =>
      finish({
        status: status ?? 'the stream closed without a grpc-status',
        message,
        replies: unframe(Buffer.concat(chunks)),
      }),
    );
    req.end(frame(body));
  });
}

/** `grpc.health.v1.Health/Check` for the whole server: SERVING, NOT_SERVING ..., or why not. */
export async function healthCheck(port: number): Promise<string> {
  const req = T('HealthCheckRequest');
  const r = await call(port, '/grpc.health.v1.Health/Check', req.encode(req.create({})).finish());
  if (r.status !== 0) return `status ${r.status}${r.message ? ` (${r.message})` : ''}`;
  const reply = r.replies[0];
  if (!reply) return 'no reply';
  const res = T('HealthCheckResponse');
  const o = res.toObject(res.decode(reply), { enums: String, defaults: true }) as { status: string };
  return o.status;
}

async function reflect(port: number, question: Record<string, string>): Promise<Record<string, unknown> | string> {
  const req = T('ServerReflectionRequest');
  const body = req.encode(req.create({ host: '', ...question })).finish();
  let r: RpcResult | undefined;
  for (const v of ['v1', 'v1alpha']) {
    r = await call(port, `/grpc.reflection.${v}.ServerReflection/ServerReflectionInfo`, body);
    if (r.status !== UNIMPLEMENTED) break;
  }
  if (!r || r.status !== 0) return `status ${r?.status}${r?.message ? ` (${r.message})` : ''}`;
  const reply = r.replies[0];
  if (!reply) return 'no reply';
  const res = T('ServerReflectionResponse');
  const o = res.toObject(res.decode(reply), { bytes: Array }) as Record<string, unknown>;
  const err = o.errorResponse as { errorCode?: number; errorMessage?: string } | undefined;
  if (err) return `reflection error ${err.errorCode ?? 0}: ${err.errorMessage ?? ''}`;
  return o;
}

/** The services the server lists by reflection (as `grpcurl list`), or why none. */
export async function reflectionList(port: number): Promise<string[] | string> {
  const o = await reflect(port, { listServices: '' });
  if (typeof o === 'string') return o;
  const list = o.listServicesResponse as { service?: { name?: string }[] } | undefined;
  if (!list) return 'the answer holds no service list';
  return (list.service ?? []).map((s) => s.name ?? '').sort();
}

/**
 * How many file descriptors reflection returns for the file that declares `symbol` (as
 * `grpcurl describe` asks), or why none.
 */
export async function reflectionDescribe(port: number, symbol: string): Promise<number | string> {
  const o = await reflect(port, { fileContainingSymbol: symbol });
  if (typeof o === 'string') return o;
  const files = o.fileDescriptorResponse as { fileDescriptorProto?: unknown[] } | undefined;
  return files?.fileDescriptorProto?.length ?? 'the answer holds no file descriptor';
}
