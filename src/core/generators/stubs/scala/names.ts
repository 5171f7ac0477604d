import type { ContractField } from '../../../model/contracts';
import type { ProtoClasses } from './plan';

/** Scala 3's reserved words, hard and soft: an identifier spelled like one is written in backticks. */
const KEYWORDS = new Set(
  (
    'abstract case catch class def do else enum export extends false final finally for given if ' +
    'implicit import lazy match new null object override package private protected return sealed ' +
    'super then throw trait true try type val var while with yield as derives end extension infix ' +
    'inline opaque open transparent using macro forSome _'
  ).split(' '),
);

/** An identifier as Scala source: in backticks when it is a reserved word. */
export function ident(name: string): string {
  // `class_:` would read as one operator identifier: a name ending in `_` is quoted too
  return KEYWORDS.has(name) || name.endsWith('_') ? `\`${name}\`` : name;
}

/** A dotted package or class name with each segment quoted where needed, from the root. */
export function qualified(name: string): string {
  return `_root_.${name.split('.').map(ident).join('.')}`;
}

/** A package clause's name. */
export function packageName(name: string): string {
  return name.split('.').map(ident).join('.');
}

/** A Scala string literal: JSON's escapes are valid Scala; `$` is not special in a plain literal. */
export function scalaString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The fully qualified class of a message of a proto. */
export function protoMessage(proto: ProtoClasses, name: string): string {
  return `${qualified(proto.javaPackage)}.${proto.outer}.${name}`;
}

/** The fully qualified `<Service>Grpc` class of a proto. */
export function grpcClass(proto: ProtoClasses): string {
  return `${qualified(proto.javaPackage)}.${proto.service}Grpc`;
}

/** grpc-java's method name for an RPC: the first letter lower-cased. */
export function grpcMethod(rpc: string): string {
  return rpc.charAt(0).toLowerCase() + rpc.slice(1);
}

const SCALA_TYPES: Record<ContractField['type'], string> = {
  string: 'String',
  int: 'Long',
  float: 'Double',
  bool: 'Boolean',
};

/** The Scala type of a field of the compatibility layer. */
export function scalaType(f: ContractField): string {
  return SCALA_TYPES[f.type];
}

/** The sample value of a field as a Scala literal: `"sample-<name>"`, `42L`, `0.5`, `true`. */
export function sampleLiteral(f: ContractField): string {
  switch (f.type) {
    case 'int':
      return '42L';
    case 'float':
      return '0.5';
    case 'bool':
      return 'true';
    default:
      return scalaString(`sample-${f.name}`);
  }
}

/** A case class whose field names are the JSON keys (snake_case), with a circe codec. */
export function caseClass(name: string, fields: readonly ContractField[], doc: string): string {
  const params = fields.map((f) => `${ident(f.name)}: ${scalaType(f)}`).join(', ');
  return `/** ${doc} */\nfinal case class ${name}(${params}) derives Codec.AsObject`;
}

/** The sample instance of such a case class. */
export function sampleInstance(name: string, fields: readonly ContractField[]): string {
  return `${name}(${fields.map((f) => `${ident(f.name)} = ${sampleLiteral(f)}`).join(', ')})`;
}
