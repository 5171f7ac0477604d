import type { FieldType } from '../../catalog/catalog';
import { sampleValue, type ContractField } from '../../model/contracts';

/**
 * JSON Schema fragments shared by the OpenAPI and AsyncAPI documents: the field types of the
 * normalised contract and the shapes of the service contract (docs/stub-contract.md).
 */

/** A JSON Schema object, as plain data ready for the YAML writer. */
export type JsonSchema = Record<string, unknown>;

const TYPES: Record<FieldType, JsonSchema> = {
  string: { type: 'string' },
  int: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'double' },
  bool: { type: 'boolean' },
};

/** The schema of one contract field, with the stub's sample value as its example. */
export function fieldSchema(f: ContractField): JsonSchema {
  return { ...TYPES[f.type], examples: [sampleValue(f.type, f.name)] };
}

/** An object of contract fields; every field is required, as the stubs always send them all. */
export function objectSchema(fields: readonly ContractField[], description?: string): JsonSchema {
  const schema: JsonSchema = { type: 'object' };
  if (description) schema.description = description;
  if (fields.length > 0) {
    schema.properties = Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)]));
    schema.required = fields.map((f) => f.name);
  }
  return schema;
}

/** The sample object a stub's TODO handler answers with. */
export function sampleObject(fields: readonly ContractField[]): Record<string, string | number | boolean> {
  return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type, f.name)]));
}

const str = (description: string): JsonSchema => ({ type: 'string', description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', items, description });

/**
 * The schemas of `/healthz` and `/ping`, keyed by component name. `ref` builds the reference to
 * another component, so OpenAPI and AsyncAPI can place them where their format wants them.
 */
export function contractSchemas(ref: (name: string) => string): Record<string, JsonSchema> {
  return {
    Health: {
      type: 'object',
      description: 'The answer of GET /healthz and GET /readyz.',
      required: ['status'],
      properties: {
        status: { type: 'string', examples: ['ok', 'unavailable'] },
        unreachable: list(
          { type: 'string' },
          'The address variables of the brokers and databases that did not answer.',
        ),
      },
    },
    PingTree: {
      type: 'object',
      description: 'Who answered a ping: the service, and the answer of every outgoing link.',
      required: ['service', 'language', 'framework', 'ok', 'path', 'calls'],
      properties: {
        service: str('The DNS name of the service that answered.'),
        language: str('Its programming language.'),
        framework: str('Its web framework.'),
        ok: { type: 'boolean', description: 'Whether the service answered; a failed call below does not change it.' },
        loop: { type: 'boolean', description: 'True when the service was already on the path and called nobody.' },
        path: list({ type: 'string' }, 'The services the request passed through, this one last.'),
        calls: list({ $ref: ref('PingCall') }, 'One entry per outgoing link.'),
        received: list({ $ref: ref('ReceivedMessage') }, 'The last messages the service consumed, newest last.'),
      },
    },
    PingCall: {
      type: 'object',
      description: 'The outcome of one outgoing link during a ping.',
      required: ['via', 'ok'],
      properties: {
        via: { type: 'string', enum: ['rest', 'grpc', 'queue', 'database'] },
        target: str('The called service or database.'),
        broker: str('For a queue link: the broker.'),
        brokerKind: { type: 'string', enum: ['kafka', 'rabbitmq', 'redis', 'nats'] },
        topic: str('For a queue link: the topic, queue, stream or subject.'),
        id: str('For a queue link: the id of the published message.'),
        ok: { type: 'boolean' },
        error: str('Why the call failed.'),
        tree: { $ref: ref('PingTree') },
      },
    },
    ReceivedMessage: {
      type: 'object',
      description: 'A message the service consumed.',
      required: ['broker', 'topic', 'from', 'id'],
      properties: {
        broker: str('The broker it came through.'),
        topic: str('Its topic, queue, stream or subject.'),
        from: str('The service that published it.'),
        id: str('The message id.'),
      },
    },
  };
}
