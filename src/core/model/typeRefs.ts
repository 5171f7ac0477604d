/**
 * How a field, parameter, body, RPC or channel names its type. A `TypeRef` is one string:
 *
 * - a protobuf scalar (`string`, `int64`, `double`, … — all fifteen, so that an imported contract
 *   keeps its exact wire types);
 * - a well-known type by its full name (`google.protobuf.Timestamp`);
 * - or the id of one of the design's own types (`Design.types`), so that a rename never breaks a
 *   reference. Type ids never contain a dot and are never a scalar's name.
 */
export type TypeRef = string;

/** Every protobuf scalar, in the order `.proto` documentation lists them. */
export const SCALAR_TYPES = [
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

/** What a scalar is in JSON: text (strings, and bytes as base64), a boolean, or a whole or a real number. */
export function jsonScalarClass(scalar: ScalarType): 'string' | 'bool' | 'int' | 'float' {
  if (scalar === 'string' || scalar === 'bytes') return 'string';
  if (scalar === 'bool') return 'bool';
  return scalar === 'float' || scalar === 'double' ? 'float' : 'int';
}

/** The scalars the app offers first when a person picks a type; the rest come with imports. */
export const COMMON_SCALARS = [
  'string',
  'bool',
  'bytes',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'float',
  'double',
] as const satisfies readonly ScalarType[];

/** The well-known types a design may use, by full name, with the file that declares them. */
export const WELL_KNOWN_TYPES = {
  'google.protobuf.Timestamp': { file: 'google/protobuf/timestamp.proto', json: 'string' },
  'google.protobuf.Duration': { file: 'google/protobuf/duration.proto', json: 'string' },
  'google.protobuf.Empty': { file: 'google/protobuf/empty.proto', json: 'object' },
  'google.protobuf.Struct': { file: 'google/protobuf/struct.proto', json: 'object' },
  'google.protobuf.Value': { file: 'google/protobuf/struct.proto', json: 'any' },
  'google.protobuf.ListValue': { file: 'google/protobuf/struct.proto', json: 'array' },
  'google.protobuf.Any': { file: 'google/protobuf/any.proto', json: 'object' },
  'google.protobuf.FieldMask': { file: 'google/protobuf/field_mask.proto', json: 'string' },
  'google.protobuf.StringValue': { file: 'google/protobuf/wrappers.proto', json: 'string' },
  'google.protobuf.BytesValue': { file: 'google/protobuf/wrappers.proto', json: 'string' },
  'google.protobuf.BoolValue': { file: 'google/protobuf/wrappers.proto', json: 'boolean' },
  'google.protobuf.Int32Value': { file: 'google/protobuf/wrappers.proto', json: 'integer' },
  'google.protobuf.Int64Value': { file: 'google/protobuf/wrappers.proto', json: 'string' },
  'google.protobuf.UInt32Value': { file: 'google/protobuf/wrappers.proto', json: 'integer' },
  'google.protobuf.UInt64Value': { file: 'google/protobuf/wrappers.proto', json: 'string' },
  'google.protobuf.FloatValue': { file: 'google/protobuf/wrappers.proto', json: 'number' },
  'google.protobuf.DoubleValue': { file: 'google/protobuf/wrappers.proto', json: 'number' },
} as const satisfies Record<string, { file: string; json: string }>;
export type WellKnownType = keyof typeof WELL_KNOWN_TYPES;

/** The well-known types the app offers in its type picker. */
export const COMMON_WELL_KNOWN = [
  'google.protobuf.Timestamp',
  'google.protobuf.Duration',
  'google.protobuf.Empty',
  'google.protobuf.Struct',
] as const satisfies readonly WellKnownType[];

const SCALARS: ReadonlySet<string> = new Set(SCALAR_TYPES);

export function isScalar(ref: TypeRef): ref is ScalarType {
  return SCALARS.has(ref);
}

export function isWellKnown(ref: TypeRef): ref is WellKnownType {
  return Object.hasOwn(WELL_KNOWN_TYPES, ref);
}

/** Whether a ref names one of the design's own types (by id) rather than a built-in one. */
export function isDesignTypeRef(ref: TypeRef): boolean {
  return !isScalar(ref) && !isWellKnown(ref);
}

/** Whether a string may be used as a type id: not a scalar, not dotted, short and printable. */
export function validTypeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) && !isScalar(id);
}

const INTEGRAL_MAP_KEYS: ReadonlySet<string> = new Set([
  'string',
  'bool',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
]);

/** Whether a scalar may be a map's key. */
export function isMapKeyType(ref: string): boolean {
  return INTEGRAL_MAP_KEYS.has(ref);
}
