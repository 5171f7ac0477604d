import {
  sampleOfType,
  type EndpointContract,
  type JsonValue,
  type ParamContract,
  type PayloadContract,
  type ResolvedType,
} from '../../../model/contracts';
import { jsonScalarClass } from '../../../model/typeRefs';
import type { GeneratedFile } from '../../types';
import { PING_PROTO_PATH } from '../../proto';
import { lit } from './plan';

/**
 * Naming shared by the typed Python emitters: the module alias of each compiled `.proto`, the
 * protobuf class of a type, the Python type of a JSON value, and sample values as Python literals.
 */

/** The import path of a proto's generated module: `protogen.shop.orders.v1.orders_pb2`. */
export function pbModulePath(protoPath: string, suffix: '_pb2' | '_pb2_grpc'): string {
  return `protogen.${protoPath
    .replace(/\.proto$/, '')
    .split('/')
    .join('.')}${suffix}`;
}

/** Aliases of the generated modules of every contract file a service compiles. */
export interface PbModules {
  /** `import protogen.x.y_pb2 as y_pb2` lines (messages) and `..._pb2_grpc as y_pb2_grpc` (stubs). */
  imports(withGrpc: boolean): string[];
  /** The alias of a file's `_pb2` module. */
  pb(file: string): string;
  /** The alias of a file's `_pb2_grpc` module. */
  grpc(file: string): string;
  /** The protobuf class of an RPC's request or response. */
  cls(t: ResolvedType): string;
  /** Whether the ping contract is among the files. */
  hasPing: boolean;
}

const WK_MODULES: Record<string, string> = {
  Timestamp: 'timestamp_pb2',
  Duration: 'duration_pb2',
  Empty: 'empty_pb2',
  Struct: 'struct_pb2',
  Value: 'struct_pb2',
  ListValue: 'struct_pb2',
  FieldMask: 'field_mask_pb2',
  Any: 'any_pb2',
};

/** The module aliases of a list of contract protos (deterministic: the list's order). */
export function pbModules(files: readonly GeneratedFile[]): PbModules {
  const aliases = new Map<string, string>();
  const taken = new Set<string>(['json', 'grpc', 'config', 'exercise', 'handlers', 'models', 'ping']);
  // the ping contract's module is always `ping_pb2`, whatever else is called ping.proto
  const ordered = [...files].sort((a, b) => Number(b.path === PING_PROTO_PATH) - Number(a.path === PING_PROTO_PATH));
  for (const f of ordered) {
    const base = (f.path.split('/').pop() ?? 'contract').replace(/\.proto$/, '').replace(/[^A-Za-z0-9_]/g, '_');
    let alias = `${/^[A-Za-z_]/.test(base) ? base : `p_${base}`}_pb2`;
    for (let i = 2; taken.has(alias); i++) alias = `${base}_${i}_pb2`;
    taken.add(alias);
    aliases.set(f.path, alias);
  }
  const pb = (file: string) => aliases.get(file) ?? 'missing_pb2';
  return {
    imports: (withGrpc) =>
      files.flatMap((f) => [
        `import ${pbModulePath(f.path, '_pb2')} as ${pb(f.path)}`,
        ...(withGrpc ? [`import ${pbModulePath(f.path, '_pb2_grpc')} as ${pb(f.path)}_grpc`] : []),
      ]),
    pb,
    grpc: (file) => `${pb(file)}_grpc`,
    cls: (t) => {
      if (t.kind === 'message') return `${pb(t.type.file)}.${t.type.names.full.slice(t.type.package.length + 1)}`;
      if (t.kind === 'wellKnown') {
        const name = t.name.replace(/^google\.protobuf\./, '');
        return `${WK_MODULES[name] ?? 'wrappers_pb2'}.${name}`;
      }
      return 'empty_pb2.Empty';
    },
    hasPing: files.some((f) => f.path === PING_PROTO_PATH),
  };
}

/** The well-known modules every typed gRPC module imports (cheap, and Any's samples need Empty). */
export const WK_IMPORTS = [
  'from google.protobuf import any_pb2, duration_pb2, empty_pb2, field_mask_pb2, struct_pb2, timestamp_pb2, wrappers_pb2  # noqa: F401',
];

/** A JSON value as a Python literal. */
export function pyLiteral(v: JsonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return lit(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${lit(k)}: ${pyLiteral(x)}`)
    .join(', ')}}`;
}

/** The sample of a payload (a body or a response): the type's, or a list of two. */
export function payloadSample(p: PayloadContract): JsonValue {
  const one = sampleOfType(p.type);
  return p.repeated ? [one, one] : one;
}

/** The sample of a parameter: its name and position (from 1) stand for the field's. */
export function paramSample(e: EndpointContract, p: ParamContract): JsonValue {
  const one = sampleOfType(p.type, { name: p.name, number: e.params.indexOf(p) + 1 });
  return p.repeated ? [one, one] : one;
}

/** The Python type of a JSON value of a type, as `app/models.py` declares it. */
export function pyJsonType(t: ResolvedType): string {
  switch (t.kind) {
    case 'scalar':
      return { string: 'str', bool: 'bool', int: 'int', float: 'float' }[jsonScalarClass(t.scalar)];
    case 'enum':
    case 'message':
      return `models.${t.type.names.pascal}`;
    case 'wellKnown':
      switch (t.name) {
        case 'google.protobuf.Empty':
        case 'google.protobuf.Struct':
        case 'google.protobuf.Any':
          return 'dict[str, Any]';
        case 'google.protobuf.Value':
          return 'Any';
        case 'google.protobuf.ListValue':
          return 'list[Any]';
        case 'google.protobuf.Timestamp':
        case 'google.protobuf.Duration':
        case 'google.protobuf.FieldMask':
          return 'str';
        default: {
          const s = /^google\.protobuf\.(\w+)Value$/.exec(t.name)?.[1]?.toLowerCase() ?? 'string';
          return s === 'string' || s === 'bytes'
            ? 'str'
            : s === 'bool'
              ? 'bool'
              : /float|double/.test(s)
                ? 'float'
                : 'int';
        }
      }
  }
}

/** The Python type of a payload: its type, or a list of it. */
export function pyPayloadType(p: PayloadContract): string {
  const t = pyJsonType(p.type);
  return p.repeated ? `list[${t}]` : t;
}

/** The Python type of a parameter. */
export function pyParamType(p: ParamContract): string {
  const t = pyJsonType(p.type);
  return p.repeated ? `list[${t}]` : t;
}

/** The label of an endpoint in `methods` entries: `POST /cart/{id}`. */
export function endpointLabel(e: EndpointContract): string {
  return `${e.method} ${e.path}`;
}

/** The route of an endpoint with its path parameters renamed `p0`, `p1` ... (safe in every router). */
export function routePath(e: EndpointContract, style: 'fastapi' | 'flask' | 'django'): string {
  let i = 0;
  const path = e.path.replace(/\{[^}]*\}/g, () => {
    const n = `p${i++}`;
    return style === 'fastapi' ? `{${n}}` : style === 'flask' ? `<${n}>` : `<str:${n}>`;
  });
  return style === 'django' ? path.replace(/^\/+/, '') : path;
}

/** The route name (`p0`...) of each path parameter, by parameter name. */
export function routeParams(e: EndpointContract): Map<string, string> {
  const out = new Map<string, string>();
  [...e.path.matchAll(/\{([^}]*)\}/g)].forEach((m, i) => out.set(m[1] ?? '', `p${i}`));
  return out;
}
