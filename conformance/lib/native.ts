/**
 * The in-process call of a service with a native module (docs/stub-contract.md, "In-process
 * modules"): on every `/ping` the stub passes a fresh text to the module in the other language,
 * which returns the Adler-32 checksum of its UTF-8 bytes. The run computes the same checksum here,
 * so the answer is checked against the computation, never against a constant.
 */

/** Adler-32 (RFC 1950) of a text's UTF-8 bytes, as an unsigned 32-bit number. */
export function adler32(text: string): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (const byte of new TextEncoder().encode(text)) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** What a service said about its in-process call. */
export interface NativeCall {
  /** The design's kind: `ctypes`, `cffi`, `cython`, `pyo3`, `graalpy`, `jython`. */
  kind: string;
  /** The language on the other side of the boundary (`c`, `cython`, `rust`, `python`). */
  language?: string;
  input: string;
  answer: number | null;
  ok: boolean;
  error?: string;
}

/** Why a native answer is wrong, or null when it is the checksum of its input by the expected kind. */
export function nativeProblem(call: NativeCall | undefined, kind: string): string | null {
  if (!call) return 'the /ping answer has no native call';
  if (call.kind !== kind) return `the native call is ${call.kind}, expected ${kind}`;
  if (!call.ok) return call.error ?? 'the native call failed';
  if (call.input === '') return 'the native call had no input';
  const want = adler32(call.input);
  if (call.answer !== want)
    return `adler32(${JSON.stringify(call.input)}) is ${want}, the module answered ${call.answer}`;
  return null;
}
