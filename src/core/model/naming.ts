/**
 * The one set of naming functions. Every generator derives identifiers from a user's name
 * through these, so a hostile or odd name ("; rm -rf /", "../../etc", unicode, 200 characters,
 * reserved words) always yields a safe, valid identifier in every target.
 */

const RESERVED = new Set(
  [
    // Python
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type',
    // Go
    'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var main init',
    // Java
    'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while var record yield sealed permits true false null',
    // TypeScript / JavaScript
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean constructor declare get module require number set string symbol type from of',
    // Rust
    'as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while async await dyn abstract become box do final macro override priv typeof unsized virtual yield try union std core',
    // Protobuf
    'syntax import weak public package option message enum service rpc returns stream repeated optional required reserved to max map oneof extend extensions group double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool string bytes true false inf nan',
  ]
    .join(' ')
    .split(/\s+/)
    .map((w) => w.toLowerCase()),
);

/** Whether a word (any case) is reserved in one of the target languages. */
export function isReservedWord(word: string): boolean {
  return RESERVED.has(word.toLowerCase());
}

/**
 * A naming function of a name and a fallback, remembering what it gave (up to 20,000 names, then
 * it starts again): one export names the same few thousand nodes, fields and packages many times
 * over, in every generator.
 */
function remembered<T>(make: (name: string, fallback: string) => T): (name: string, fallback: string) => T {
  let known = new Map<string, Map<string, T>>();
  let size = 0;
  return (name, fallback) => {
    let byName = known.get(fallback);
    const was = byName?.get(name);
    if (was !== undefined) return was;
    if (size >= 20_000) {
      known = new Map();
      byName = undefined;
      size = 0;
    }
    if (!byName) known.set(fallback, (byName = new Map()));
    const made = make(name, fallback);
    byName.set(name, made);
    size++;
    return made;
  };
}

/** Splits a name into lower-case ASCII words: accents are folded, everything else separates. */
export function words(name: string): readonly string[] {
  return wordsOf(name, '');
}
const wordsOf = remembered((name): readonly string[] => Object.freeze(splitWords(name)));

function splitWords(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // split camelCase and PascalCase boundaries
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return folded
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const MAX_DNS = 40;

function clip(parts: readonly string[], max: number, sep: string): string {
  let out = '';
  for (const p of parts) {
    const next = out ? out + sep + p : p;
    if (next.length > max) {
      if (!out) out = p.slice(0, max);
      break;
    }
    out = next;
  }
  return out;
}

/**
 * A DNS label (RFC 1123): lower case letters, digits and hyphens, starting with a letter,
 * at most 40 characters so that suffixed names ("-grpc", "-config") stay under 63.
 */
export function dnsLabel(name: string, fallback = 'svc'): string {
  return dnsLabelOf(name, fallback);
}
const dnsLabelOf = remembered(makeDnsLabel);

/** `dnsLabel`, worked out. */
function makeDnsLabel(name: string, fallback: string): string {
  let ws = words(name);
  if (ws.length === 0) ws = [fallback];
  if (!/^[a-z]/.test(ws[0] ?? '')) ws = [fallback, ...ws];
  return clip(ws, MAX_DNS, '-').replace(/-+$/, '');
}

/** snake_case identifier, safe in Python, Rust, SQL and proto field names. */
export function snakeCase(name: string, fallback = 'value'): string {
  return snakeCaseOf(name, fallback);
}
const snakeCaseOf = remembered(makeSnakeCase);

/** `snakeCase`, worked out. */
function makeSnakeCase(name: string, fallback: string): string {
  let ws = words(name);
  if (ws.length === 0) ws = [fallback];
  if (!/^[a-z]/.test(ws[0] ?? '')) ws = [fallback, ...ws];
  let id = clip(ws, MAX_DNS, '_');
  if (isReservedWord(id)) id = `${id}_`;
  return id;
}

/** PascalCase identifier: class, struct, message and service names. */
export function pascalCase(name: string, fallback = 'Value'): string {
  return pascalCaseOf(name, fallback);
}
const pascalCaseOf = remembered(makePascalCase);

/** `pascalCase`, worked out. */
function makePascalCase(name: string, fallback: string): string {
  let ws = words(name);
  if (ws.length === 0) ws = [fallback.toLowerCase()];
  let id = clip(
    ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
    MAX_DNS,
    '',
  );
  if (!/^[A-Z]/.test(id)) id = `${fallback}${id}`;
  if (isReservedWord(id)) id = `${id}${fallback}`;
  return id;
}

/** camelCase identifier: methods and fields in Java, TypeScript and Go (unexported). */
export function camelCase(name: string, fallback = 'value'): string {
  return camelCaseOf(name, fallback);
}
const camelCaseOf = remembered(makeCamelCase);

/** `camelCase`, worked out. */
function makeCamelCase(name: string, fallback: string): string {
  const p = pascalCase(name, fallback.charAt(0).toUpperCase() + fallback.slice(1));
  let id = p.charAt(0).toLowerCase() + p.slice(1);
  if (isReservedWord(id)) id = `${id}Value`;
  return id;
}

/** SCREAMING_SNAKE prefix of environment variables: `ORDERS` in `ORDERS_URL`. */
export function envPrefix(name: string): string {
  let ws = words(name);
  if (ws.length === 0) ws = ['svc'];
  if (!/^[a-z]/.test(ws[0] ?? '')) ws = ['svc', ...ws];
  return clip(ws, MAX_DNS, '_').toUpperCase();
}

/** A lower-case package segment with no separators (Go package, Java package part, proto part). */
export function packageSegment(name: string, fallback = 'svc'): string {
  return packageSegmentOf(name, fallback);
}
const packageSegmentOf = remembered(makePackageSegment);

/** `packageSegment`, worked out. */
function makePackageSegment(name: string, fallback: string): string {
  let ws = words(name);
  if (ws.length === 0) ws = [fallback];
  if (!/^[a-z]/.test(ws[0] ?? '')) ws = [fallback, ...ws];
  let id = clip(ws, MAX_DNS, '');
  if (isReservedWord(id)) id = `${id}svc`;
  return id;
}

/** The protobuf package of a service: `<project>.<service>.v1`. */
export function protoPackage(project: string, service: string): string {
  return `${packageSegment(project, 'project')}.${packageSegment(service)}.v1`;
}

/** The gRPC service name of a service: `<Name>Service`. */
export function protoServiceName(service: string): string {
  const base = pascalCase(service, 'Svc');
  return base.endsWith('Service') ? base : `${base}Service`;
}

/** An RPC method name in PascalCase. */
export function rpcName(name: string): string {
  return pascalCase(name, 'Call');
}

/** A proto/JSON field name in lower_snake_case. */
export function fieldName(name: string): string {
  return snakeCase(name, 'field');
}

/** A topic, queue or subject name: lower case letters, digits, dots, hyphens and underscores. */
export function topicName(name: string, fallback = 'events'): string {
  const t = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '')
    .replace(/\.{2,}/g, '.')
    .slice(0, 100);
  return t || fallback;
}

/** A protobuf identifier: a letter or underscore, then letters, digits and underscores. */
export const PROTO_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A URL path safe in every router: segments of letters, digits, `-` and `_` with their case kept
 * (`/addToCart` stays `/addToCart`: a path is case-sensitive on the wire), `{param}` kept when it
 * is an identifier and made one otherwise (a repeated one numbered: `{id}`, `{id_2}`), nothing
 * that escapes (`..`, `.`, empty segments).
 */
export function httpPath(path: string): string {
  const params = new Set<string>();
  const segments = path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s && s !== '.' && s !== '..')
    .map((s) => {
      const param = /^\{(.+)\}$/.exec(s);
      if (param) {
        const declared = (param[1] ?? '').trim();
        const base = PROTO_IDENT.test(declared) && declared.length <= 60 ? declared : snakeCase(declared, 'id');
        // a parameter named twice in one path is two parameters: the second is numbered
        let name = base;
        for (let i = 2; params.has(name); i++) name = `${base}_${i}`;
        params.add(name);
        return `{${name}}`;
      }
      return s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    })
    .filter((s) => s.length > 0);
  return '/' + segments.join('/');
}

/** The environment-variable prefix callers use for a node: its own override, else derived from its name. */
export function nodeEnvPrefix(node: { name: string; envPrefix?: string }): string {
  return node.envPrefix ?? envPrefix(node.name);
}

/** Why a prefix of environment variables cannot be used, or null: SCREAMING_SNAKE, 1 to 40 characters. */
export function envPrefixProblem(prefix: string): string | null {
  if (!/^[A-Z][A-Z0-9_]*$/.test(prefix)) return 'Use capital letters, digits and underscores, starting with a letter.';
  if (prefix.length > 40) return 'A prefix is limited to 40 characters.';
  if (prefix.endsWith('_')) return 'A prefix cannot end with an underscore (the variable adds one).';
  return null;
}

/** Why a protobuf package name cannot be used, or null: dot-separated identifiers. */
export function protoPackageProblem(pkg: string): string | null {
  if (pkg.length === 0) return 'A package needs a name.';
  if (pkg.length > 200) return 'A package is limited to 200 characters.';
  if (!pkg.split('.').every((s) => PROTO_IDENT.test(s)))
    return 'A package is dot-separated names of letters, digits and underscores (shop.orders.v1).';
  return null;
}

/**
 * Why a package made in the app breaks buf's STANDARD lint, or null: lower_snake_case parts and a
 * version last (`shop.orders.v1`). Imported packages keep their names and are not held to this.
 */
export function standardPackageProblem(pkg: string): string | null {
  const basic = protoPackageProblem(pkg);
  if (basic) return basic;
  const parts = pkg.split('.');
  if (!parts.every((s) => /^[a-z][a-z0-9_]*$/.test(s))) return 'Use lower-case parts (shop.orders.v1).';
  if (parts.length < 2 || !/^v\d+((alpha|beta)\d*)?$/.test(parts[parts.length - 1] ?? ''))
    return 'End the package with its version, such as v1 (shop.orders.v1).';
  return null;
}

/**
 * Why a code package cannot be used, or null. It is written like a Java package
 * (`com.acme.orders`): lower-case parts of letters, digits and underscores, none a reserved word.
 * The Go module path and the npm package name are derived from it.
 */
export function codePackageProblem(pkg: string): string | null {
  if (pkg.length === 0 || pkg.length > 100) return 'A code package is 1 to 100 characters.';
  const parts = pkg.split('.');
  if (!parts.every((s) => /^[a-z][a-z0-9_]*$/.test(s)))
    return 'Use dot-separated lower-case names of letters, digits and underscores (com.acme.orders).';
  const reserved = parts.find((s) => isReservedWord(s));
  if (reserved !== undefined) return `"${reserved}" is a reserved word in one of the stub languages.`;
  return null;
}

/** SCREAMING_SNAKE_CASE of a name, for enum values: `ORDER_STATUS`. */
export function upperSnake(name: string, fallback = 'VALUE'): string {
  let ws = words(name);
  if (ws.length === 0) ws = [fallback.toLowerCase()];
  if (!/^[a-z]/.test(ws[0] ?? '')) ws = [fallback.toLowerCase(), ...ws];
  return clip(ws, 60, '_').toUpperCase();
}

/** The derived identifiers of one node name, as the inspector shows them. */
export function derivedNames(project: string, name: string) {
  return {
    dns: dnsLabel(name),
    env: envPrefix(name),
    package: packageSegment(name),
    className: pascalCase(name, 'Svc'),
    protoPackage: protoPackage(project, name),
  };
}

/** Why a node name cannot be used, or null when it can. */
export function nameProblem(name: string, otherNames: readonly string[]): string | null {
  if (name.trim().length === 0) return 'A name is required.';
  if (name.length > 100) return 'Names are limited to 100 characters.';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Names cannot contain control characters or line breaks.';
  if (words(name).length === 0) return 'A name needs at least one letter or digit.';
  const dns = dnsLabel(name);
  const clash = otherNames.find((o) => dnsLabel(o) === dns);
  if (clash !== undefined) return `"${name}" would have the same host name (${dns}) as "${clash}".`;
  // two services whose packages match would write the same proto package and file
  const pkg = packageSegment(name);
  const pkgClash = otherNames.find((o) => packageSegment(o) === pkg);
  if (pkgClash !== undefined) return `"${name}" would have the same package name (${pkg}) as "${pkgClash}".`;
  return null;
}
