import type { FieldType } from '../../../catalog/catalog';
import { camelCase, packageSegment, pascalCase } from '../../../model/naming';
import type { ContractField } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';

/**
 * The Go identifier protoc-gen-go derives from a proto name (its `GoCamelCase`), so the
 * plumbing names exactly the fields, messages and methods that `protoc` generates.
 */
export function goCamelCase(s: string): string {
  let out = '';
  const lower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
  for (let i = 0; i < s.length; i++) {
    let c = s.charAt(i);
    if (c === '.' && lower(s[i + 1])) continue;
    if (c === '.') out += '_';
    else if (c === '_' && (i === 0 || s[i - 1] === '.')) out += 'X';
    else if (c === '_' && lower(s[i + 1])) continue;
    else if (c >= '0' && c <= '9') out += c;
    else {
      if (lower(c)) c = c.toUpperCase();
      out += c;
      while (lower(s[i + 1])) out += s.charAt(++i);
    }
  }
  return out;
}

// Method names protoc-gen-go gives every message; a field of the same name gets a `_` suffix.
const MESSAGE_METHODS = new Set([
  'Reset',
  'String',
  'ProtoMessage',
  'Marshal',
  'Unmarshal',
  'ExtensionRangeArray',
  'ExtensionMap',
  'Descriptor',
]);

/** The Go struct field protoc-gen-go generates for a proto field. */
export function goProtoField(name: string): string {
  const id = goCamelCase(name);
  return MESSAGE_METHODS.has(id) ? `${id}_` : id;
}

/** Go types of the contract's field types, for JSON structs and proto messages alike. */
export const GO_TYPES: Record<FieldType, string> = { string: 'string', int: 'int64', float: 'float64', bool: 'bool' };

/** Unique exported Go struct field names for JSON structs (two snake names can share a PascalCase). */
export function goJsonFields(fields: readonly ContractField[]): { field: ContractField; goName: string }[] {
  const seen = new Set<string>();
  return fields.map((field) => {
    let goName = field.pascal;
    for (let i = 2; seen.has(goName); i++) goName = `${field.pascal}${i}`;
    seen.add(goName);
    return { field, goName };
  });
}

/** Rows of columns aligned the way gofmt aligns struct fields (the last column is not padded). */
export function goAlign(rows: readonly string[][], indent = '\t'): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((row) => indent + row.map((c, i) => (i < row.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join(' '))
    .join('\n');
}

/** A Go struct type with JSON tags; `{}` when it has no fields. */
export function goStruct(name: string, fields: readonly ContractField[], doc: string): string {
  const body = goAlign(
    goJsonFields(fields).map(({ field, goName }) => [goName, GO_TYPES[field.type], `\`json:"${field.name}"\``]),
  );
  return `// ${name} ${doc}\ntype ${name} struct${body ? ` {\n${body}\n}` : '{}'}`;
}

/** A Go composite literal of a JSON struct filled with sample values. */
export function goSampleLiteral(
  type: string,
  fields: readonly ContractField[],
  sample: (f: ContractField) => string,
): string {
  const body = goJsonFields(fields)
    .map(({ field, goName }) => `${goName}: ${sample(field)}`)
    .join(', ');
  return `${type}{${body}}`;
}

// Local names the generated functions use; a path parameter never takes one of them.
const TAKEN = new Set([
  'ctx',
  'req',
  'body',
  'out',
  'resp',
  'err',
  'w',
  'r',
  'c',
  'api',
  'clients',
  'context',
  'http',
  'json',
  'fmt',
  'url',
  'handlers',
  'plumbing',
  'strings',
  'pb',
]);

/** The Go parameter name of a path parameter. */
export function goParam(param: string): string {
  const id = camelCase(param, 'param');
  return TAKEN.has(id) ? `${id}Param` : id;
}

// Path element names Go refuses in module paths (as the part before the first dot), because
// Windows reserves them as file names.
const WINDOWS_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * The Go module path of a service: `<dns>.local/service`. The dot in the first element keeps it
 * clear of the standard library (`go`, `fmt`, `net`, `std` and `cmd` are not module paths a
 * service can have), and a DNS label is made only of characters a module path allows.
 */
export function goModulePath(dns: string): string {
  const host = WINDOWS_NAMES.test(dns) ? `svc-${dns}` : dns;
  return `${host}.local/service`;
}

/** What the Go code needs to know about one compiled .proto. */
export interface GoProto {
  /** Path relative to the proto root, e.g. `shop/orders/v1/orders.proto`. */
  rel: string;
  /** Go import path inside the module, e.g. `orders.local/service/gen/shop/orders/v1`. */
  importPath: string;
  /** Go package name, e.g. `ordersv1`. */
  pkg: string;
  file: GeneratedFile;
}

/** Where protoc puts the Go code of a .proto: `gen/<same folders>`, package `<service>v1`. */
export function goProto(module: string, file: GeneratedFile): GoProto {
  const dir = file.path.split('/').slice(0, -1).join('/');
  const service = file.path.split('/').slice(-3)[0] ?? 'svc';
  return { rel: file.path, importPath: `${module}/gen/${dir}`, pkg: `${packageSegment(service)}v1`, file };
}

/** The PascalCase name used for the types and functions that belong to a link target. */
export function goTargetName(name: string): string {
  return pascalCase(name, 'Svc');
}
