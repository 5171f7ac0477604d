import type {
  EndpointContract,
  JsonValue,
  ParamContract,
  PayloadContract,
  ResolvedDesignType,
  ResolvedField,
  ResolvedType,
} from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { javaString, protoJavaPackage, protocCamel, uniqueIdent } from './names';

/**
 * The typed contracts in Java: the Java types of JSON values (the records and enums of
 * `models/Models.java`), the classes protoc generates for the contract protos, and sample data as
 * Java literals.
 */

/** Names a record component or enum constant may not take: Java's keywords and Object's methods. */
const JAVA_KEYWORDS = new Set(
  (
    'abstract assert boolean break byte case catch char class const continue default do double else enum ' +
    'extends final finally float for goto if implements import instanceof int interface long native new ' +
    'package private protected public return short static strictfp super switch synchronized this throw ' +
    'throws transient try void volatile while true false null var record yield sealed permits _'
  ).split(' '),
);
/** The keywords grpc-java's generator escapes in a method name (its java_keywords: Java's, then `true` and `false`). */
const GRPC_JAVA_KEYWORDS = new Set(
  (
    'abstract assert boolean break byte case catch char class const continue default do double else enum ' +
    'extends final finally float for goto if implements import instanceof int interface long native new ' +
    'package private protected public return short static strictfp super switch synchronized this throw ' +
    'throws transient try void volatile while true false'
  ).split(' '),
);
const RECORD_FORBIDDEN = new Set([
  'clone',
  'finalize',
  'getClass',
  'hashCode',
  'notify',
  'notifyAll',
  'toString',
  'wait',
]);

/** Class names a model may not take: they would hide the java.lang and java.util types the files use. */
const CLASS_TAKEN = new Set([
  'Models',
  'Object',
  'String',
  'Integer',
  'Long',
  'Double',
  'Boolean',
  'Byte',
  'Character',
  'Short',
  'Float',
  'Number',
  'Math',
  'System',
  'Class',
  'Enum',
  'Record',
  'Override',
  'Deprecated',
  'SuppressWarnings',
  'Iterable',
  'Exception',
  'RuntimeException',
  'Error',
  'Thread',
  'Void',
  'List',
  'Map',
  'JsonProperty',
  'JsonInclude',
  'JsonIgnoreProperties',
]);

export function isJavaIdent(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !JAVA_KEYWORDS.has(s);
}

/** The Java class name of a design type in Models. */
export function modelName(t: ResolvedDesignType): string {
  const n = t.names.pascal;
  return CLASS_TAKEN.has(n) ? `${n}Type` : n;
}

/** How a JVM language names the JSON value of each kind of scalar and well-known type. */
export interface JvmJsonNames {
  string: string;
  bytes: string;
  bool: string;
  double: string;
  int: string;
  long: string;
  /** Empty, Struct and Any: a JSON object */
  object: string;
  /** google.protobuf.Value: any JSON value */
  value: string;
  /** google.protobuf.ListValue: a JSON array */
  list: string;
}

function jvmScalar(scalar: string, names: JvmJsonNames): string {
  switch (scalar) {
    case 'string':
      return names.string;
    case 'bool':
      return names.bool;
    case 'bytes':
      return names.bytes;
    case 'float':
    case 'double':
      return names.double;
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return names.int;
    default:
      return names.long;
  }
}

/**
 * The JVM type of a JSON value of a type, by one language's names: models are `prefix` and the
 * model's name; timestamps, durations, field masks and wrapped bytes are text, uint32 is a long.
 */
export function jvmJsonType(
  t: ResolvedType,
  names: JvmJsonNames,
  model: (t: ResolvedDesignType) => string,
  prefix: string,
): string {
  switch (t.kind) {
    case 'scalar':
      return jvmScalar(t.scalar, names);
    case 'enum':
    case 'message':
      return `${prefix}${model(t.type)}`;
    case 'wellKnown':
      switch (t.name) {
        case 'google.protobuf.Empty':
        case 'google.protobuf.Struct':
        case 'google.protobuf.Any':
          return names.object;
        case 'google.protobuf.Value':
          return names.value;
        case 'google.protobuf.ListValue':
          return names.list;
        case 'google.protobuf.Timestamp':
        case 'google.protobuf.Duration':
        case 'google.protobuf.FieldMask':
          return names.string;
        default: {
          const s = /^google\.protobuf\.(\w+)Value$/.exec(t.name)?.[1]?.toLowerCase() ?? 'string';
          return s === 'bytes' ? names.string : jvmScalar(s === 'uint32' ? 'int64' : s, names);
        }
      }
  }
}

const JAVA_JSON: JvmJsonNames = {
  string: 'String',
  bytes: 'byte[]',
  bool: 'Boolean',
  double: 'Double',
  int: 'Integer',
  long: 'Long',
  object: 'java.util.Map<String, Object>',
  value: 'Object',
  list: 'java.util.List<Object>',
};

/** The Java type of a JSON value of a type (boxed: null is "not set"), models qualified with `prefix`. */
export function javaJsonType(t: ResolvedType, prefix = 'Models.'): string {
  return jvmJsonType(t, JAVA_JSON, modelName, prefix);
}

/** The Java type of a path, query or header parameter (bytes stay base64 text). */
export function javaParamType(p: ParamContract): string {
  const one = javaJsonType(p.type);
  const t = one === 'byte[]' ? 'String' : one;
  return p.repeated ? `java.util.List<${t}>` : t;
}

/** The Java type of a body or answer. */
export function javaPayloadType(p: PayloadContract): string {
  const t = javaJsonType(p.type);
  return p.repeated ? `java.util.List<${t}>` : t;
}

const MAP_KEYS: Record<string, string> = { string: 'String', bool: 'Boolean', int32: 'Integer', sint32: 'Integer' };

function fieldType(f: ResolvedField): string {
  const t = javaJsonType(f.type, '');
  if (f.cardinality === 'repeated') return `java.util.List<${t}>`;
  if (f.cardinality === 'map') return `java.util.Map<${MAP_KEYS[f.mapKey ?? 'string'] ?? 'Long'}, ${t}>`;
  return t;
}

/** The record component names of a message's fields, unique and legal. */
export function componentNames(fields: readonly ResolvedField[]): string[] {
  const taken = new Set<string>();
  return fields.map((f) => {
    let n = f.names.camel;
    if (!isJavaIdent(n) || RECORD_FORBIDDEN.has(n)) n = `${n}Value`;
    if (!isJavaIdent(n)) n = 'field';
    return uniqueIdent(n, taken);
  });
}

/** The Java constant of each enum value: its name when Java allows it, else its PascalCase form. */
export function enumConstants(t: Extract<ResolvedDesignType, { kind: 'enum' }>): string[] {
  const taken = new Set<string>();
  return t.values.map((v) => uniqueIdent(isJavaIdent(v.name) ? v.name : `V${v.pascal}`, taken));
}

/** Every message and enum reachable from the given types, first use first. */
export function reachableTypes(roots: readonly ResolvedType[]): ResolvedDesignType[] {
  const out = new Map<string, ResolvedDesignType>();
  const visit = (t: ResolvedType) => {
    if (t.kind !== 'message' && t.kind !== 'enum') return;
    if (out.has(t.type.id)) return;
    out.set(t.type.id, t.type);
    if (t.type.kind === 'message') for (const f of t.type.fields) visit(f.type);
  };
  roots.forEach(visit);
  return [...out.values()];
}

/** The types an endpoint's parameters, body and answers use. */
export function endpointTypes(e: EndpointContract): ResolvedType[] {
  return [
    ...e.params.map((p) => p.type),
    ...(e.body ? [e.body.type] : []),
    ...e.responses.flatMap((r) => (r.body ? [r.body.type] : [])),
  ];
}

/** The design types a JVM stub's Models holds: those its endpoints, REST links and messages reach. */
export function planModels(p: {
  endpoints: readonly EndpointContract[];
  rest: readonly { used: readonly EndpointContract[] }[];
  messages: readonly { type: ResolvedType }[];
}): ResolvedDesignType[] {
  return reachableTypes([
    ...p.endpoints.flatMap(endpointTypes),
    ...p.rest.flatMap((r) => r.used.flatMap(endpointTypes)),
    ...p.messages.map((m) => m.type),
  ]);
}

/** `models/Models.java`: the design's types the REST bodies and queue payloads use, as records and enums. */
export function modelsJava(pkg: string, types: readonly ResolvedDesignType[]): string {
  const decls = types.map((t) => {
    const doc = `  /** ${t.names.full.replace(/\*\//g, '* /')} */`;
    if (t.kind === 'enum') {
      const consts = enumConstants(t).map(
        (c, i) => `    @JsonProperty(${javaString(t.values[i]?.name ?? c)})\n    ${c}`,
      );
      return `${doc}
  public enum ${modelName(t)} {
${consts.join(',\n')}${consts.length ? '' : '    ;'}
  }`;
    }
    const names = componentNames(t.fields);
    const comps = t.fields.map(
      (f, i) => `\n      @JsonProperty(${javaString(f.jsonKey)}) ${fieldType(f)} ${names[i] ?? 'field'}`,
    );
    return `${doc}
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ${modelName(t)}(${comps.join(',')}) {}`;
  });
  return `// Generated from the design: regenerating the project replaces this file.
package ${pkg};

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The types of the REST bodies, answers and parameters and of the message payloads this service
 * serves, calls and exchanges, as JSON carries them (keys as on the wire). A field that is not set
 * is null and left out of the JSON.
 */
public final class Models {
  private Models() {}
${decls.length ? `\n${decls.join('\n\n')}\n` : ''}}
`;
}

/** A JSON value as a Java string literal. */
export function jsonLiteral(v: JsonValue | undefined): string {
  return v === undefined ? 'null' : javaString(JSON.stringify(v));
}

/** What protoc generates for one contract file: its Java package and outer class. */
export interface ProtoClasses {
  javaPackage: string;
  /** The outer class holding the messages, or null with `java_multiple_files`. */
  outer: string | null;
}

function option(content: string, name: string): string | undefined {
  return new RegExp(`^\\s*option\\s+${name}\\s*=\\s*"?([A-Za-z0-9_.]+)"?\\s*;`, 'm').exec(content)?.[1];
}

/** protoc's Java names of a .proto file, read from the file itself (as the stub copies it). */
export function protoClasses(path: string, content: string): ProtoClasses {
  const pkg = /^\s*package\s+([A-Za-z0-9_.]+)\s*;/m.exec(content)?.[1] ?? '';
  const javaPackage = option(content, 'java_package') ?? protoJavaPackage(pkg);
  if (option(content, 'java_multiple_files') === 'true') return { javaPackage, outer: null };
  const declared = option(content, 'java_outer_classname');
  if (declared) return { javaPackage, outer: declared };
  const types = new Set([...content.matchAll(/\b(?:message|enum|service)\s+([A-Za-z0-9_]+)/g)].map((m) => m[1]));
  const base = (path.split('/').pop() ?? path).replace(/\.proto$/, '');
  let outer = protocCamel(base, true);
  if (types.has(outer)) outer = `${outer}OuterClass`;
  return { javaPackage, outer };
}

/** The protoc classes of every contract file, by path. */
export class ProtoIndex {
  private readonly files = new Map<string, ProtoClasses>();
  private readonly contents = new Map<string, string>();

  constructor(protos: readonly GeneratedFile[]) {
    for (const f of protos) {
      this.files.set(f.path, protoClasses(f.path, f.content));
      this.contents.set(f.path, f.content);
    }
  }

  private prefix(file: string, pkg: string): string {
    const c = this.files.get(file) ?? { javaPackage: protoJavaPackage(pkg), outer: null };
    return [c.javaPackage, c.outer].filter((x) => x).join('.');
  }

  /** The fully qualified Java class of a message (or enum) type. */
  message(t: ResolvedType): string {
    if (t.kind === 'wellKnown') return `com.google.protobuf.${t.name.split('.').pop() ?? 'Empty'}`;
    if (t.kind === 'scalar') return 'com.google.protobuf.Empty';
    const chain = [t.type.names.proto];
    for (let m = t.type.parent; m; m = m.parent) chain.unshift(m.names.proto);
    return `${this.prefix(t.type.file, t.type.package)}.${chain.join('.')}`;
  }

  /** A message declared at the top of a file (`PingRequest` of a service's own package). */
  topLevel(file: string, pkg: string, name: string): string {
    return `${this.prefix(file, pkg)}.${name}`;
  }

  /** The `<Service>Grpc` class of a gRPC service. */
  grpcClass(file: string, pkg: string, service: string): string {
    const c = this.files.get(file) ?? { javaPackage: protoJavaPackage(pkg), outer: null };
    return `${c.javaPackage}.${service}Grpc`;
  }

  /** Whether a service of a file declares the compatibility layer's in-service `Ping`. */
  declaresPing(file: string, service: string): boolean {
    const content = this.contents.get(file) ?? '';
    const block = new RegExp(`service\\s+${service}\\s*\\{([^}]*)\\}`).exec(content)?.[1] ?? '';
    return /rpc\s+Ping\s*\(\s*PingRequest\s*\)\s*returns\s*\(\s*PingResponse\s*\)/.test(block);
  }
}

/** grpc-java's method name of an RPC (its `MixedLower`): first letter lower-cased, `_x` becomes `X`. */
export function grpcJavaMethod(rpc: string): string {
  let out = rpc.charAt(0).toLowerCase();
  let up = false;
  for (const c of rpc.slice(1)) {
    if (c === '_') up = true;
    else {
      out += up ? c.toUpperCase() : c;
      up = false;
    }
  }
  // grpc-java's generator appends `_` to a method name that is one of its Java keywords
  return GRPC_JAVA_KEYWORDS.has(out) ? `${out}_` : out;
}
