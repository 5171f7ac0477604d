import { words } from '../../../model/naming';

// prost-build's sanitize_identifier: raw identifiers for keywords, a suffix for the few that cannot be raw.
const RAW = new Set(
  'as break const continue else enum false fn for if impl in let loop match mod move mut pub ref return static struct trait true type unsafe use where while dyn abstract become box do final macro override priv typeof unsized virtual yield async await try gen'.split(
    ' ',
  ),
);
const SUFFIXED = new Set(['_', 'super', 'self', 'Self', 'extern', 'crate']);

function sanitize(id: string): string {
  if (RAW.has(id)) return `r#${id}`;
  if (SUFFIXED.has(id)) return `${id}_`;
  if (/^[0-9]/.test(id)) return `_${id}`;
  return id;
}

/**
 * The Rust identifier prost gives a proto field or method (heck's snake_case, then sanitized),
 * so the plumbing names exactly what tonic-prost-build generates.
 */
export function prostSnake(name: string): string {
  return sanitize(words(name).join('_'));
}

/**
 * The methods tonic's generated client has of its own (constructors and settings): an RPC whose
 * snake_case name is one of them would be a second definition of that name in the client.
 */
export const TONIC_CLIENT_OWN = new Set([
  'new',
  'connect',
  'with_origin',
  'with_interceptor',
  'send_compressed',
  'accept_compressed',
  'max_decoding_message_size',
  'max_encoding_message_size',
]);

/**
 * The name of an RPC's method on tonic's client: prost's snake_case name, with `_rpc` added
 * when the client has a method of its own by that name (build.rs renames it in the generated
 * client; the route, the server trait and the wire keep the RPC's name).
 */
export function tonicClientMethod(method: string): string {
  return TONIC_CLIENT_OWN.has(method) ? `${method}_rpc` : method;
}

/** tonic's module name for a service: `OrdersService` -> `orders_service` (its naive_snake_case). */
export function tonicModule(service: string): string {
  let s = '';
  for (let i = 0; i < service.length; i++) {
    const c = service.charAt(i);
    s += c.toLowerCase();
    const next = service.charAt(i + 1);
    if (next && next >= 'A' && next <= 'Z') s += '_';
  }
  return s;
}

/** The line width of the generated code; each Rust stub ships a rustfmt.toml with the same. */
export const RUST_WIDTH = 140;

/** rustfmt.toml of every Rust stub: wide lines, so the generated code stays as rustfmt leaves it. */
export const RUSTFMT_TOML = `edition = "2021"\nmax_width = ${RUST_WIDTH}\nuse_small_heuristics = "Max"\n`;

/**
 * A bracketed list as rustfmt writes it: on one line when it fits the width at this indent,
 * otherwise one item a line with a trailing comma.
 */
export function fitOrBreak(open: string, items: readonly string[], close: string, indent: number): string {
  const one = `${open}${items.join(', ')}${close}`;
  if (indent + one.length <= RUST_WIDTH) return one;
  const pad = ' '.repeat(indent + 4);
  return `${open}\n${items.map((i) => `${pad}${i},`).join('\n')}\n${' '.repeat(indent)}${close}`;
}

/** A struct literal as rustfmt writes it, `lead` being the text before it on its line. */
export function structLiteral(
  type: string,
  fields: readonly string[],
  indent: number,
  lead: string,
  tail: string,
): string {
  if (fields.length === 0) return `${type} {}`;
  const one = `${type} { ${fields.join(', ')} }`;
  if (indent + lead.length + one.length + tail.length <= RUST_WIDTH) return one;
  const pad = ' '.repeat(indent + 4);
  return `${type} {\n${fields.map((f) => `${pad}${f},`).join('\n')}\n${' '.repeat(indent)}}`;
}

/** A Rust string literal (the text is printable ASCII from the naming functions). */
export function rustStr(s: string): string {
  return JSON.stringify(s);
}
