import { packageSegment, pascalCase } from '../../../model/naming';
import type { Design, DesignNode } from '../../../model/types';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';

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

/** A .proto as copied into the service: with a `java_package` only where the default is illegal. */
export function protoForJava(content: string): string {
  const pkg = /^package\s+([A-Za-z0-9_.]+)\s*;/m.exec(content)?.[1] ?? '';
  const javaPkg = protoJavaPackage(pkg);
  if (javaPkg === pkg) return content;
  return content.replace(/^(package\s+[A-Za-z0-9_.]+\s*;)$/m, `$1\n\noption java_package = "${javaPkg}";`);
}

/** A Java string literal: JSON's escapes are valid Java, and non-ASCII becomes \\u escapes. */
export function javaString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/** The real contract files of a JVM stub, compiled as they are: own services, the targets', the ping contract. */
export function jvmProtoFiles(ctx: StubContext, grpc: boolean): GeneratedFile[] {
  const seen = new Set<string>();
  return (grpc ? ctx.contractProtos : [])
    .filter((f) => !seen.has(f.path) && seen.add(f.path))
    .map((f) => ({ path: `src/main/proto/${f.path}`, content: protoForJava(f.content) }));
}
