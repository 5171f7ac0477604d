import type {
  JsonValue,
  ParamContract,
  PayloadContract,
  ResolvedDesignType,
  ResolvedField,
  ResolvedType,
} from '../../../model/contracts';
import { uniqueIdent } from '../java/names';
import { jvmJsonType, type JvmJsonNames } from '../java/typed';
import { ident, packageName, qualified, scalaString } from './names';

/**
 * The typed contracts in Scala: the Scala types of JSON values (the case classes and enums of
 * `models/Models.scala`, circe codecs derived), the classes protoc generates for the contract
 * protos (by their fully qualified Java names), and sample data.
 */

/** Names a model may not take: they would hide the Scala and circe types the files use. */
const TYPE_TAKEN = new Set([
  'Models',
  'Object',
  'String',
  'Int',
  'Long',
  'Double',
  'Float',
  'Boolean',
  'Byte',
  'Char',
  'Short',
  'Unit',
  'Any',
  'AnyRef',
  'AnyVal',
  'Nothing',
  'Null',
  'Option',
  'Some',
  'None',
  'List',
  'Nil',
  'Map',
  'Set',
  'Seq',
  'Vector',
  'Either',
  'Left',
  'Right',
  'Product',
  'Serializable',
  'Equals',
  'Json',
  'Codec',
  'Configuration',
  'ConfiguredCodec',
  'ConfiguredEnumCodec',
  'Decoder',
  'Encoder',
  'IO',
  'Exercise',
]);

/** The Scala name of a design type in Models. */
export function scalaModelName(t: ResolvedDesignType): string {
  const n = t.names.pascal;
  return TYPE_TAKEN.has(n) ? `${n}Type` : n;
}

const SCALA_JSON: JvmJsonNames = {
  string: 'String',
  // bytes are base64 text in JSON
  bytes: 'String',
  bool: 'Boolean',
  double: 'Double',
  int: 'Int',
  long: 'Long',
  object: 'io.circe.Json',
  value: 'io.circe.Json',
  list: 'io.circe.Json',
};

/** The Scala type of a JSON value of a type, models qualified with `prefix`. */
export function scalaJsonType(t: ResolvedType, prefix = 'Models.'): string {
  return jvmJsonType(t, SCALA_JSON, scalaModelName, prefix);
}

/** The Scala type of a path, query or header parameter: optional ones are Options, repeated ones Lists. */
export function scalaParamType(p: ParamContract): string {
  const one = scalaJsonType(p.type);
  if (p.repeated) return `List[${one}]`;
  return p.required || p.in === 'path' ? one : `Option[${one}]`;
}

/** The Scala type of a body or answer. */
export function scalaPayloadType(p: PayloadContract): string {
  const t = scalaJsonType(p.type);
  return p.repeated ? `List[${t}]` : t;
}

const MAP_KEYS: Record<string, string> = { string: 'String', bool: 'String', int32: 'Int', sint32: 'Int' };

function fieldType(f: ResolvedField): { type: string; empty: string } {
  const t = scalaJsonType(f.type, '');
  if (f.cardinality === 'repeated') return { type: `List[${t}]`, empty: 'Nil' };
  if (f.cardinality === 'map')
    return { type: `Map[${MAP_KEYS[f.mapKey ?? 'string'] ?? 'Long'}, ${t}]`, empty: 'Map.empty' };
  return { type: `Option[${t}]`, empty: 'None' };
}

/** Every message and enum reachable from the given types, first use first. */
export { reachableTypes, endpointTypes } from '../java/typed';

/** An identifier for an enum case: its name, quoted. */
function enumCases(t: Extract<ResolvedDesignType, { kind: 'enum' }>): string[] {
  const taken = new Set<string>();
  const names = t.values.map((v) => uniqueIdent(v.name, taken));
  return names.length ? names : ['UNSPECIFIED'];
}

/** `models/Models.scala`: the design's types the REST bodies and queue payloads use, as case classes and enums. */
export function modelsScala(pkg: string, types: readonly ResolvedDesignType[]): string {
  const decls = types.map((t) => {
    const doc = `  /** ${t.names.full.replace(/\*\//g, '* /')} */`;
    if (t.kind === 'enum') {
      return `${doc}
  enum ${scalaModelName(t)} derives ConfiguredEnumCodec:
${enumCases(t)
  .map((c) => `    case \`${c}\``)
  .join('\n')}`;
    }
    const fields = t.fields.map((f) => {
      const { type, empty } = fieldType(f);
      return `\n      \`${f.jsonKey.replace(/`/g, '')}\`: ${type} = ${empty}`;
    });
    return `${doc}
  final case class ${scalaModelName(t)}(${fields.join(',')}${fields.length ? ',\n  ' : ''}) derives ConfiguredCodec`;
  });
  return `// Generated from the design: regenerating the project replaces this file.
package ${packageName(pkg)}

import io.circe.derivation.{Configuration, ConfiguredCodec, ConfiguredEnumCodec}

/**
 * The types of the REST bodies, answers and parameters and of the message payloads this service
 * serves, calls and exchanges, as JSON carries them (field names are the JSON keys). A field that
 * is not set is None, an empty list or an empty map, and is left out of the JSON.
 */
object Models:
  /** Missing keys take the defaults; enums are their value names. */
  given Configuration = Configuration.default.withDefaults
${decls.length ? `\n${decls.join('\n\n')}\n` : ''}`;
}

/** A JSON value as a Scala string literal. */
export function jsonLiteral(v: JsonValue | undefined): string {
  return scalaString(JSON.stringify(v ?? null));
}

/** A protoc-generated Java class (fully qualified) as Scala source, from the root. */
export function javaClass(name: string): string {
  return qualified(name);
}

export { ident };
