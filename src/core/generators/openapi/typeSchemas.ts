import {
  sampleOfType,
  type ResolvedDesignType,
  type ResolvedField,
  type ResolvedMessage,
  type ResolvedType,
} from '../../model/contracts';
import type { ScalarType } from '../../model/typeRefs';
import type { JsonSchema } from './schemas';

/**
 * JSON Schemas of the design's types, for OpenAPI's and AsyncAPI's `components/schemas`: each
 * message and enum a component (named by its unique PascalCase name), referenced with `$ref`.
 * JSON keys are the fields' JSON keys, values as the stubs send them (int64 as a JSON number).
 */

const SCALARS: Record<ScalarType, JsonSchema> = {
  double: { type: 'number', format: 'double' },
  float: { type: 'number', format: 'float' },
  int32: { type: 'integer', format: 'int32' },
  sint32: { type: 'integer', format: 'int32' },
  sfixed32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  sint64: { type: 'integer', format: 'int64' },
  sfixed64: { type: 'integer', format: 'int64' },
  uint32: { type: 'integer', format: 'int64', minimum: 0, maximum: 4294967295 },
  fixed32: { type: 'integer', format: 'int64', minimum: 0, maximum: 4294967295 },
  uint64: { type: 'integer', format: 'int64', minimum: 0 },
  fixed64: { type: 'integer', format: 'int64', minimum: 0 },
  bool: { type: 'boolean' },
  string: { type: 'string' },
  bytes: { type: 'string', contentEncoding: 'base64' },
};

function wellKnownSchema(name: string): JsonSchema {
  switch (name) {
    case 'google.protobuf.Timestamp':
      return { type: 'string', format: 'date-time' };
    case 'google.protobuf.Duration':
      return { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]{1,9})?s$', description: 'A duration in seconds: 1.5s.' };
    case 'google.protobuf.Empty':
      return { type: 'object' };
    case 'google.protobuf.Struct':
      return { type: 'object', additionalProperties: true };
    case 'google.protobuf.Value':
      return { description: 'Any JSON value.' };
    case 'google.protobuf.ListValue':
      return { type: 'array', items: {} };
    case 'google.protobuf.Any':
      return {
        type: 'object',
        required: ['@type'],
        properties: { '@type': { type: 'string' } },
        additionalProperties: true,
      };
    case 'google.protobuf.FieldMask':
      return { type: 'string', description: 'Comma-separated field paths.' };
    default: {
      const scalar = /^google\.protobuf\.(\w+)Value$/.exec(name)?.[1]?.toLowerCase() as ScalarType | undefined;
      return { ...(scalar && SCALARS[scalar] ? SCALARS[scalar] : { type: 'string' }) };
    }
  }
}

/** The components of one document: the types it reaches, each once. */
export class TypeSchemas {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly names = new Map<string, string>();
  private readonly taken: Set<string>;

  /** `ref` builds a reference to a component; `reserved` are component names the document already has. */
  constructor(
    private readonly ref: (name: string) => string,
    reserved: Iterable<string> = [],
  ) {
    this.taken = new Set(reserved);
  }

  /** The component name of a type, allocated once. */
  private nameOf(t: ResolvedDesignType): string {
    let name = this.names.get(t.id);
    if (name === undefined) {
      name = t.names.pascal;
      for (let i = 2; this.taken.has(name); i++) name = `${t.names.pascal}${i}`;
      this.taken.add(name);
      this.names.set(t.id, name);
    }
    return name;
  }

  /** The schema of a value of a type: a `$ref` for messages and enums, inline for the rest. */
  schemaOf(t: ResolvedType): JsonSchema {
    switch (t.kind) {
      case 'scalar':
        return { ...SCALARS[t.scalar] };
      case 'wellKnown':
        return wellKnownSchema(t.name);
      case 'enum':
      case 'message':
        return { $ref: this.ref(this.add(t.type)) };
    }
  }

  /** The schema of a payload: one value, or a list of them. */
  payload(p: { type: ResolvedType; repeated: boolean }): JsonSchema {
    const one = this.schemaOf(p.type);
    return p.repeated ? { type: 'array', items: one } : one;
  }

  private add(t: ResolvedDesignType): string {
    const name = this.nameOf(t);
    if (this.schemas.has(name)) return name;
    // set first, so a message that contains itself refers to its own component
    this.schemas.set(name, {});
    this.schemas.set(name, t.kind === 'enum' ? this.enumSchema(t) : this.messageSchema(t));
    return name;
  }

  private enumSchema(t: Extract<ResolvedDesignType, { kind: 'enum' }>): JsonSchema {
    const s: JsonSchema = { type: 'string', enum: t.values.map((v) => v.name) };
    if (t.description) s.description = t.description;
    return s;
  }

  private fieldSchema(f: ResolvedField): JsonSchema {
    const one = this.schemaOf(f.type);
    let s: JsonSchema =
      f.cardinality === 'repeated'
        ? { type: 'array', items: one }
        : f.cardinality === 'map'
          ? {
              type: 'object',
              additionalProperties: one,
              ...(f.mapKey && f.mapKey !== 'string'
                ? { propertyNames: f.mapKey === 'bool' ? { enum: ['true', 'false'] } : { pattern: '^-?[0-9]+$' } }
                : {}),
            }
          : one;
    if (f.type.kind === 'scalar' && f.cardinality !== 'map') {
      // each of `examples` is a whole value of the property: a list for a repeated field
      const sample = sampleOfType(f.type, f);
      s = { ...s, examples: [f.cardinality === 'repeated' ? [sample] : sample] };
    }
    if (f.description) s = { ...s, description: f.description };
    if (f.deprecated) s = { ...s, deprecated: true };
    return s;
  }

  private messageSchema(m: ResolvedMessage): JsonSchema {
    const s: JsonSchema = { type: 'object' };
    if (m.description) s.description = m.description;
    if (m.fields.length > 0) {
      s.properties = Object.fromEntries(m.fields.map((f) => [f.jsonKey, this.fieldSchema(f)]));
      const required = m.fields
        .filter((f) => f.cardinality === 'single' && f.oneof === undefined)
        .map((f) => f.jsonKey);
      if (required.length > 0) s.required = required;
    }
    for (const o of m.oneofs)
      s.description = `${s.description ? `${s.description} ` : ''}At most one of ${o.fields.map((f) => f.jsonKey).join(', ')} is set.`;
    return s;
  }

  /** Every component made so far, by name, in the order they were first needed. */
  components(): Record<string, JsonSchema> {
    return Object.fromEntries(this.schemas);
  }
}
