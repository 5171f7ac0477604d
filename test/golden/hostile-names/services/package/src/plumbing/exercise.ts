/**
 * The typed exercise of the service contract (docs/stub-contract.md). Generated: do not edit.
 *
 * /ping calls every RPC and endpoint of an outgoing link with the contract's deterministic sample
 * data, marked with the `polyglot-exercise: 1` header (gRPC metadata or HTTP header). The callee
 * checks that what arrived equals the sample and answers the sample response; the caller checks
 * the answer. A streaming side sends the sample twice. User handlers are never called for it.
 */

export const HEADER = 'polyglot-exercise';
/** HTTP headers of an exercise call. */
export const HEADERS: Record<string, string> = { [HEADER]: '1' };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** An error answer of a REST endpoint, sent as RFC 9457 application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }

  body(): Record<string, unknown> {
    return { type: 'about:blank', title: TITLES[this.status] ?? 'Error', status: this.status, detail: this.detail };
  }
}

/** An error answer received by a REST client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(`HTTP ${status}: ${short(text)}`);
  }
}

/** JSON with sorted keys: the same text for equal values. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'null';
}

export function short(value: unknown): string {
  const text = typeof value === 'string' ? value : stableJson(value);
  return text.length <= 300 ? text : `${text.slice(0, 297)}...`;
}

/** A JSON value without its unset fields (null or undefined object members); lists and maps stay. */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

/** null when two JSON values are equal (unset fields left out), else what differs. */
export function jsonDiff(expected: unknown, got: unknown): string | null {
  const a = stableJson(clean(expected));
  const b = stableJson(clean(got));
  return a === b ? null : `expected ${short(a)}, got ${short(b)}`;
}

/** What a REST call answered: its success status and its JSON body (undefined when it had none). */
export interface Answer {
  status: number;
  answer: unknown;
}

/** Null when an exercise call's answer has the declared success status and the expected body, else what differs. */
export function restDiff(status: number, expected: unknown, got: Answer): string | null {
  if (got.status !== status) return `expected HTTP ${status}, got HTTP ${got.status}`;
  return jsonDiff(expected, got.answer);
}

export interface MethodResult {
  name: string;
  ok: boolean;
  error?: string;
}

const GRPC_CODES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** The text of a failed call: a gRPC status and its details, an HTTP status and its body, or the error. */
export function errorText(err: unknown): string {
  if (err instanceof HttpError) return err.message;
  if (err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'number' && 'details' in err) {
    const e = err as { code: number; details: unknown };
    return `${GRPC_CODES[e.code] ?? e.code}: ${String(e.details)}`;
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Runs one exercise call: a `methods` entry of the /ping tree. */
export async function method(name: string, run: () => Promise<string | null>): Promise<MethodResult> {
  let problem: string | null;
  try {
    problem = await run();
  } catch (err) {
    problem = errorText(err);
  }
  return problem === null ? { name, ok: true } : { name, ok: false, error: problem };
}
