import type { FieldType } from '../../../catalog/catalog';
import { sampleValue, type ContractField } from '../../../model/contracts';
import { dnsLabel, packageSegment, pascalCase } from '../../../model/naming';
import type { Design, DesignNode } from '../../../model/types';

/**
 * Java names of the Spring Boot stub. Everything here starts from the normalised names of
 * `model/naming` and `model/contracts`; what it adds is Java's own rules (a package may not start
 * with `java.`, a record component may not be called `hashCode`) and the names that protoc and
 * grpc-java give to the classes and accessors they generate, which the stub must call exactly.
 */

/** A package whose first segment is `java` is refused by every class loader. */
function safeRoot(segment: string): string {
  return segment === 'java' ? 'javaproject' : segment;
}

/** The stub's root Java package: `<project>.<service>`. */
export function basePackage(design: Design, node: DesignNode): string {
  return `${safeRoot(packageSegment(design.name, 'project'))}.${packageSegment(node.name)}`;
}

/**
 * The Java package protoc puts a .proto's classes in: its proto package, since the exported
 * protos set no `java_package`, except where that package would start with `java.`.
 */
export function protoJavaPackage(protoPackage: string): string {
  const [first = '', ...rest] = protoPackage.split('.');
  return [safeRoot(first), ...rest].join('.');
}

/** protoc's `UnderscoresToCamelCase`: a letter after an underscore or a digit is capitalised. */
export function protocCamel(input: string, capFirst: boolean): string {
  let out = '';
  let cap = capFirst;
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i);
    if (c >= 'a' && c <= 'z') {
      out += cap ? c.toUpperCase() : c;
      cap = false;
    } else if (c >= 'A' && c <= 'Z') {
      out += i === 0 && !cap ? c.toLowerCase() : c;
      cap = false;
    } else if (c >= '0' && c <= '9') {
      out += c;
      cap = true;
    } else {
      cap = true;
    }
  }
  return out;
}

/** Field names whose accessors protoc decorates with a trailing `_` (they clash with its own). */
const PROTOC_FORBIDDEN = [
  'class',
  'initialized',
  'serialized_size',
  'all_fields',
  'default_instance_for_type',
  'descriptor_for_type',
  'initialization_error_string',
  'unknown_fields',
  'cached_size',
].map((w) => protocCamel(w, true));

/** The capitalised accessor stem protoc gives a field: `tree_json` -> `TreeJson` (`getTreeJson`). */
export function protoAccessor(fieldName: string): string {
  const stem = protocCamel(fieldName, true);
  return PROTOC_FORBIDDEN.includes(stem) ? `${stem}_` : stem;
}

/** The facts of a copied .proto that the Java code needs, read from the file itself. */
export interface ProtoJava {
  /** Java package of the generated classes. */
  javaPackage: string;
  /** Outer class holding the messages (java_multiple_files is not set). */
  outer: string;
  /** The service name, e.g. `OrdersService`; its stub class is `<service>Grpc`. */
  service: string;
}

/**
 * What protoc and grpc-java generate for a proto of ours: the outer class is the file's base name
 * in CamelCase, with `OuterClass` appended when a message or service of the file has that name.
 */
export function protoJava(path: string, content: string): ProtoJava {
  const pkg = /^package\s+([A-Za-z0-9_.]+)\s*;/m.exec(content)?.[1] ?? '';
  const service = /^service\s+([A-Za-z0-9_]+)/m.exec(content)?.[1] ?? '';
  const types = new Set([...content.matchAll(/^(?:message|enum|service)\s+([A-Za-z0-9_]+)/gm)].map((m) => m[1]));
  const base = (path.split('/').pop() ?? path).replace(/\.proto$/, '');
  let outer = protocCamel(base, true);
  if (types.has(outer)) outer = `${outer}OuterClass`;
  return { javaPackage: protoJavaPackage(pkg), outer, service };
}

/** A .proto as copied into the service: with a `java_package` only where the default is illegal. */
export function protoForJava(content: string): string {
  const pkg = /^package\s+([A-Za-z0-9_.]+)\s*;/m.exec(content)?.[1] ?? '';
  const javaPkg = protoJavaPackage(pkg);
  if (javaPkg === pkg) return content;
  return content.replace(/^(package\s+[A-Za-z0-9_.]+\s*;)$/m, `$1\n\noption java_package = "${javaPkg}";`);
}

/** grpc-java's method name for an RPC: first letter lower-cased (our RPC names have no `_`). */
export function grpcMethod(rpc: string): string {
  return rpc.charAt(0).toLowerCase() + rpc.slice(1);
}

/** Names a record component may not take (JLS 8.10.1), plus the stub's own. */
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

/** One Java member per contract field: a component name that compiles and is unique. */
export interface JavaField extends ContractField {
  /** The Java identifier of the record component. */
  java: string;
  /** The Java type: String, long, double or boolean. */
  javaType: string;
  /** The Java literal of the field's sample value. */
  sample: string;
}

const JAVA_TYPES: Record<FieldType, string> = { string: 'String', int: 'long', float: 'double', bool: 'boolean' };

/** A Java string literal: JSON's escapes are valid Java, and non-ASCII becomes \\u escapes. */
export function javaString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Java literal of a field's sample value. */
export function javaSample(type: FieldType, name: string): string {
  const v = sampleValue(type, name);
  if (typeof v === 'string') return javaString(v);
  if (type === 'int') return `${String(v)}L`;
  if (type === 'float') return Number.isInteger(v) ? `${String(v)}.0` : String(v);
  return String(v);
}

/** The Java form of contract fields: record components, types and sample literals. */
export function javaFields(fields: readonly ContractField[]): JavaField[] {
  const taken = new Set<string>();
  return fields.map((f) => {
    const java = uniqueIdent(RECORD_FORBIDDEN.has(f.camel) ? `${f.camel}Value` : f.camel, taken);
    return { ...f, java, javaType: JAVA_TYPES[f.type], sample: javaSample(f.type, f.name) };
  });
}

/** `base`, or `base2`, `base3`, … : the first that is not taken; the result is then taken. */
export function uniqueIdent(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
  taken.add(id);
  return id;
}

/** A Java class name from a user's name, unique among `taken`, ending in `suffix`. */
export function className(name: string, suffix: string, taken: Set<string>): string {
  const base = pascalCase(name, 'Svc');
  let id = `${base}${suffix}`;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}${suffix}`;
  taken.add(id);
  return id;
}

/** A camelCase field name for a class name: `InventoryRestClient` -> `inventoryRestClient`. */
export function fieldFor(cls: string): string {
  return cls.charAt(0).toLowerCase() + cls.slice(1);
}

/** The default value of an address variable, as compose sets it (used when the variable is unset). */
export function dns(node: DesignNode): string {
  return dnsLabel(node.name);
}
