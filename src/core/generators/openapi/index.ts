import { RUNTIMES } from '../../catalog/catalog';
import { serviceEndpoints, type ContractEndpoint } from '../../model/contracts';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices, type ServiceWiring } from '../../model/wiring';
import type { GeneratedFile } from '../types';
import { toYaml } from '../yaml';
import { contractSchemas, objectSchema, sampleObject, type JsonSchema } from './schemas';

export { contractSchemas, fieldSchema, objectSchema, sampleObject, type JsonSchema } from './schemas';

/** The OpenAPI version of the generated documents. */
export const OPENAPI_VERSION = '3.1.0';

const JSON_TYPE = 'application/json';
const ref = (name: string) => `#/components/schemas/${name}`;

function jsonContent(schemaName: string, example?: unknown) {
  const media: Record<string, unknown> = { schema: { $ref: ref(schemaName) } };
  if (example !== undefined) media.examples = { sample: { value: example } };
  return { [JSON_TYPE]: media };
}

function contractPaths() {
  return {
    '/healthz': {
      get: {
        operationId: 'healthz',
        summary: 'Liveness',
        description: 'Answers 200 while the process is alive; the Kubernetes liveness probe calls it.',
        tags: ['contract'],
        responses: { '200': { description: 'The process is alive.', content: jsonContent('Health') } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readyz',
        summary: 'Readiness',
        description:
          'Answers 200 once a connection opens to every broker and database the service uses, 503 until then; ' +
          'the compose healthcheck, the image HEALTHCHECK and the Kubernetes readiness probe call it.',
        tags: ['contract'],
        responses: {
          '200': { description: 'The service is ready.', content: jsonContent('Health') },
          '503': { description: 'A broker or database does not answer yet.', content: jsonContent('Health') },
        },
      },
    },
    '/ping': {
      get: {
        operationId: 'ping',
        summary: 'Fan out over every outgoing link',
        description:
          'Calls the /ping of every REST target, the Ping RPC of every gRPC target, publishes one message on every ' +
          'outgoing queue link, and answers the tree of who answered.',
        tags: ['contract'],
        parameters: [
          {
            name: 'path',
            in: 'query',
            required: false,
            description:
              'Comma-separated services the request already passed through; a service on it answers `loop: true`.',
            schema: { type: 'string' },
            example: 'bff,orders',
          },
        ],
        responses: { '200': { description: 'The answer tree.', content: jsonContent('PingTree') } },
      },
    },
  };
}

function operation(e: ContractEndpoint, schemas: Record<string, JsonSchema>) {
  const op: Record<string, unknown> = {
    operationId: e.operationId,
    summary: `${e.method} ${e.path}`,
    description:
      'Declared on an incoming REST link. The generated handler answers with sample data until it is implemented.',
    tags: ['endpoints'],
  };
  if (e.params.length > 0)
    op.parameters = e.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (e.method === 'POST' || e.method === 'PUT' || e.method === 'PATCH') {
    const name = `${e.pascal}Request`;
    schemas[name] = objectSchema(e.request, `The request body of ${e.operationId}.`);
    op.requestBody = { required: e.request.length > 0, content: jsonContent(name, sampleObject(e.request)) };
  }
  const name = `${e.pascal}Response`;
  schemas[name] = objectSchema(e.response, `The answer of ${e.operationId}.`);
  op.responses = { '200': { description: 'OK', content: jsonContent(name, sampleObject(e.response)) } };
  return op;
}

/** The OpenAPI 3.1 document of one service: the contract's `/healthz` and `/ping`, then its endpoints. */
export function openApiForService(design: Design, w: ServiceWiring): GeneratedFile {
  const dns = dnsLabel(w.node.name);
  const runtime = RUNTIMES[w.runtime];
  const endpoints = serviceEndpoints(w);
  const schemas: Record<string, JsonSchema> = contractSchemas(ref);
  const paths: Record<string, Record<string, unknown>> = contractPaths();
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {});
    item[e.method.toLowerCase()] = operation(e, schemas);
  }
  const tags = [
    { name: 'contract', description: 'What every service of the project serves: readiness and the ping fan-out.' },
  ];
  if (endpoints.length > 0)
    tags.push({ name: 'endpoints', description: 'The endpoints other nodes call, declared on incoming REST links.' });
  const doc = {
    openapi: OPENAPI_VERSION,
    info: {
      title: w.node.name.trim() || dns,
      version: '0.1.0',
      description:
        w.node.description.trim() ||
        `The ${runtime.language} (${runtime.framework}) service ${dns} of ${design.name.trim() || 'the project'}.`,
      // placeholders to fill in: who answers for the API, and under which licence it is published
      contact: { name: `The team of ${dns} (fill in a contact)` },
      license: { name: 'Not chosen yet (fill in the licence of the project)', url: 'https://spdx.org/licenses/' },
    },
    servers: [
      {
        url: `http://{host}:${w.node.port}`,
        description: 'Published on the host by compose.yaml.',
        variables: { host: { default: 'localhost', description: 'The machine running docker compose.' } },
      },
      { url: `http://${dns}:${w.node.port}`, description: 'Inside the compose network or the Kubernetes namespace.' },
    ],
    // The stubs have no authentication; saying so keeps clients from guessing.
    security: [],
    tags,
    paths,
    components: { schemas },
  };
  return { path: `openapi/${dns}.yaml`, content: toYaml(doc) };
}

/** Deterministic YAML that every reader reads alike: no anchors or aliases, no folded lines. */
export { toYaml };

/**
 * One OpenAPI 3.1 document per service, `openapi/<dns>.yaml`: every service serves `/healthz`
 * and `/ping` over HTTP, and the endpoints declared on its incoming REST links.
 */
export function generateOpenApi(design: Design): GeneratedFile[] {
  return wireServices(design).map((w) => openApiForService(design, w));
}
