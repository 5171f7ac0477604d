/**
 * JSON Schema fragments shared by the OpenAPI and AsyncAPI documents: the shapes of the service
 * contract (docs/stub-contract.md) and of RFC 9457 problem details.
 */

/** A JSON Schema object, as plain data ready for the YAML writer. */
export type JsonSchema = Record<string, unknown>;

/** RFC 9457 problem details, the body of every error answer (`application/problem+json`). */
export function problemSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'Problem details (RFC 9457): what went wrong, for people and programs.',
    properties: {
      type: {
        type: 'string',
        format: 'uri-reference',
        description: 'Identifies the kind of problem.',
        default: 'about:blank',
      },
      title: { type: 'string', description: 'A short summary of the kind of problem.' },
      status: { type: 'integer', format: 'int32', minimum: 100, maximum: 599, description: 'The HTTP status code.' },
      detail: { type: 'string', description: 'What went wrong this time.' },
      instance: { type: 'string', format: 'uri-reference', description: 'Identifies this occurrence.' },
    },
  };
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
