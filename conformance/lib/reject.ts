import { RUNTIMES } from '../../src/core/catalog/catalog';
import { paramSample } from '../../src/core/generators/stubs/python/typed';
import {
  designContracts,
  rpcKind,
  type EndpointContract,
  type JsonValue,
  type ResolvedField,
  type RpcContract,
} from '../../src/core/model/contracts';
import type { Design } from '../../src/core/model/types';
import type { ServiceWiring } from '../../src/core/model/wiring';
import type { CheckResult, ServiceStatus } from './checks';
import { call } from './grpcProbe';

/**
 * Rejection: a service that reads the typed contracts refuses a request body that does not fit
 * the contract with `422` and an RFC 9457 `application/problem+json` body, before any handler
 * runs. Each such service gets one ordinary (unmarked) call of its first endpoint with a typed
 * body, every parameter set to its sample, and a body whose first list, map or message field
 * holds a string (a list body gets an object instead). Over gRPC, an exercise call (metadata
 * `polyglot-exercise: 1`) whose request is not the sample (the empty message) is refused with
 * INVALID_ARGUMENT by every typed service that serves gRPC (with or without a typed REST body),
 * on its first unary RPC whose request has fields.
 */

/** The first endpoint of a node whose body is a message or a list: the one to send a bad body to. */
export function rejectionTarget(design: Design, w: ServiceWiring): EndpointContract | undefined {
  return designContracts(design)
    .endpoints(w.node.id)
    .find((e) => e.body && (e.body.repeated || e.body.type.kind === 'message'));
}

function wrongValue(f: ResolvedField): JsonValue | undefined {
  if (f.cardinality === 'repeated') return 'not-a-list';
  if (f.cardinality === 'map') return 'not-a-map';
  if (f.type.kind === 'message') return 'not-an-object';
  return undefined;
}

/** A JSON body that does not fit an endpoint's body type. */
export function malformedBody(e: EndpointContract): JsonValue {
  const body = e.body;
  if (!body || body.repeated || body.type.kind !== 'message') return { not: 'a list' };
  for (const f of body.type.type.fields) {
    const v = wrongValue(f);
    if (v !== undefined) return { [f.jsonKey]: v };
  }
  return 'not-an-object';
}

const text = (v: JsonValue): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The path (with its query) and headers of a call with every parameter set to its sample. */
export function sampleRequest(e: EndpointContract): { path: string; headers: Record<string, string> } {
  let path = e.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const p of e.params) {
    const v = paramSample(e, p);
    const values = Array.isArray(v) ? v.map(text) : [text(v)];
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(values[0] ?? ''));
    else if (p.in === 'query') for (const one of values) query.append(p.name, one);
    else headers[p.name] = values.join(', ');
  }
  const qs = query.toString();
  return { path: qs ? `${path}?${qs}` : path, headers };
}

/** The first unary RPC a node serves whose request message has fields (so the empty one is not its sample). */
export function rejectionRpc(design: Design, w: ServiceWiring): RpcContract | undefined {
  // asked of every typed gRPC server, whether or not it also serves a typed REST body
  if (!w.servesGrpc) return undefined;
  return designContracts(design)
    .rpcs(w.node.id)
    .find((r) => rpcKind(r) === 'unary' && r.request.kind === 'message' && r.request.type.fields.length > 0);
}

/** gRPC status 3. */
const INVALID_ARGUMENT = 3;

/** What a malformed body got: status, content type and the problem's status, or why nothing came back. */
export interface RejectAnswer {
  label: string;
  status?: number;
  contentType?: string;
  problemStatus?: unknown;
  error?: string;
  /** Over gRPC: the status code (or why no call completed) and its message. */
  grpcStatus?: number | string;
  grpcMessage?: string;
}

/** Sends the malformed body to every running typed service that has a typed body. */
export async function sendMalformed(
  design: Design,
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  port: (w: ServiceWiring) => number,
  grpcPort?: (w: ServiceWiring) => number,
): Promise<Map<string, RejectAnswer>> {
  const out = new Map<string, RejectAnswer>();
  for (const w of services) {
    if (!RUNTIMES[w.runtime].typedContracts || statuses.get(w.node.id)?.state !== 'up') continue;
    const r = rejectionRpc(design, w);
    if (r && grpcPort) {
      const got = await call(grpcPort(w), r.path, new Uint8Array(), 10_000, { 'polyglot-exercise': '1' });
      out.set(`${w.node.id} grpc`, { label: r.name, grpcStatus: got.status, grpcMessage: got.message });
    }
    const e = rejectionTarget(design, w);
    if (!e) continue;
    const { path, headers } = sampleRequest(e);
    const label = `${e.method} ${e.path}`;
    try {
      const resp = await fetch(`http://127.0.0.1:${port(w)}${path}`, {
        method: e.method,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(malformedBody(e)),
        signal: AbortSignal.timeout(10_000),
      });
      const raw = await resp.text();
      let problemStatus: unknown;
      try {
        problemStatus = (JSON.parse(raw) as { status?: unknown }).status;
      } catch {
        problemStatus = `not JSON: ${raw.slice(0, 120)}`;
      }
      out.set(w.node.id, {
        label,
        status: resp.status,
        contentType: resp.headers.get('content-type') ?? '',
        problemStatus,
      });
    } catch (err) {
      out.set(w.node.id, { label, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

/** One check per typed service with a typed body: 422, application/problem+json, `status` 422. */
export function rejectChecks(
  design: Design,
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  answers: ReadonlyMap<string, RejectAnswer>,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const w of services) {
    if (!RUNTIMES[w.runtime].typedContracts) continue;
    const r = rejectionRpc(design, w);
    if (r) {
      const name = w.node.name;
      const base = {
        id: `reject-grpc:${name}`,
        title: `${name} refuses an exercise call of ${r.name} that is not the sample with INVALID_ARGUMENT`,
        cells: [[w.runtime, 'reject']] as CheckResult['cells'],
        services: [name],
      };
      const s = statuses.get(w.node.id);
      const a = answers.get(`${w.node.id} grpc`);
      if (s?.state !== 'up')
        out.push({ ...base, status: 'skip', detail: `${name} is not running (${s?.state ?? 'not run'})` });
      else if (a?.grpcStatus === INVALID_ARGUMENT && (a.grpcMessage ?? '').includes(r.name))
        out.push({ ...base, status: 'pass', detail: '' });
      else
        out.push({
          ...base,
          status: 'fail',
          detail: a ? `status ${a.grpcStatus}: ${(a.grpcMessage ?? '').slice(0, 200)}` : 'nothing was sent',
        });
    }
    const e = rejectionTarget(design, w);
    if (!e) continue;
    const name = w.node.name;
    const base = {
      id: `reject:${name}`,
      title: `${name} refuses a body that does not fit ${e.method} ${e.path} with 422 problem+json`,
      cells: [[w.runtime, 'reject']] as CheckResult['cells'],
      services: [name],
    };
    const s = statuses.get(w.node.id);
    if (s?.state !== 'up') {
      out.push({ ...base, status: 'skip', detail: `${name} is not running (${s?.state ?? 'not run'})` });
      continue;
    }
    const a = answers.get(w.node.id);
    const problems: string[] = [];
    if (!a) problems.push('nothing was sent');
    else if (a.error) problems.push(a.error);
    else {
      if (a.status !== 422) problems.push(`HTTP ${a.status}`);
      if (!(a.contentType ?? '').startsWith('application/problem+json'))
        problems.push(`content-type ${a.contentType || 'none'}`);
      if (a.problemStatus !== 422) problems.push(`problem status ${JSON.stringify(a.problemStatus)}`);
    }
    out.push({ ...base, status: problems.length ? 'fail' : 'pass', detail: problems.join('; ') });
  }
  return out;
}
