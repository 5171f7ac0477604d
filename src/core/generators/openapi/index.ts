import { RUNTIMES } from '../../catalog/catalog';
import { designContracts, sampleOfType, type EndpointContract, type PayloadContract } from '../../model/contracts';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices, type ServiceWiring } from '../../model/wiring';
import type { GeneratedFile } from '../types';
import { toYaml } from '../yaml';
import { contractSchemas, problemSchema, type JsonSchema } from './schemas';
import { TypeSchemas } from './typeSchemas';

export { contractSchemas, problemSchema, type JsonSchema } from './schemas';
export { TypeSchemas } from './typeSchemas';

/** The OpenAPI version of the generated documents. */
export const OPENAPI_VERSION = '3.1.0';

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';
const ref = (name: string) => `#/components/schemas/${name}`;

function jsonContent(schemaName: string, example?: unknown) {
  return content({ $ref: ref(schemaName) }, example);
}

function content(schema: JsonSchema, example?: unknown, type = JSON_TYPE) {
  const media: Record<string, unknown> = { schema };
  if (example !== undefined) media.examples = { sample: { value: example } };
  return { [type]: media };
}

const problem = (description: string) => ({
  description,
  content: content({ $ref: ref('Problem') }, undefined, PROBLEM_TYPE),
});

/** The error answers every operation has unless it declares its own: RFC 9457 problem details. */
function defaultErrors(declared: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!declared.some((s) => /^4/.test(s))) out['4XX'] = problem('The request was refused.');
  if (!declared.some((s) => /^5/.test(s)) && !declared.includes('default'))
    out['5XX'] = problem('The service failed to answer.');
  return out;
}

function contractPaths() {
  return {
    '/healthz': {
      get: {
        operationId: 'healthz',
        summary: 'Liveness',
        description: 'Answers 200 while the process is alive; the Kubernetes liveness probe calls it.',
        tags: ['contract'],
        responses: {
          '200': { description: 'The process is alive.', content: jsonContent('Health') },
          ...defaultErrors(['200']),
        },
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
          ...defaultErrors(['200', '503']),
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
        responses: {
          '200': { description: 'The answer tree.', content: jsonContent('PingTree') },
          ...defaultErrors(['200']),
        },
      },
    },
  };
}

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  '400': 'Bad request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Conflict',
  '422': 'Unprocessable content',
  '500': 'Internal server error',
  '503': 'Unavailable',
  '2XX': 'Success',
  '4XX': 'The request was refused.',
  '5XX': 'The service failed to answer.',
  default: 'An answer not listed above.',
};

function operation(e: EndpointContract, types: TypeSchemas) {
  const op: Record<string, unknown> = {
    operationId: e.operationId,
    summary: e.source.summary ?? `${e.method} ${e.path}`,
    description: 'Served by the generated handler, which answers with sample data until it is implemented.',
    tags: ['endpoints'],
  };
  if (e.deprecated) op.deprecated = true;
  if (e.params.length > 0)
    op.parameters = e.params.map((p, i) => {
      const one = types.schemaOf(p.type);
      const param: Record<string, unknown> = {
        name: p.name,
        in: p.in,
        required: p.required,
        schema: p.repeated ? { type: 'array', items: one } : one,
        example: sampleOfType(p.type, { name: p.name, number: i + 1 }),
      };
      if (p.repeated) param.example = [param.example];
      if (p.description) param.description = p.description;
      return param;
    });
  if (e.body) {
    op.requestBody = {
      required: true,
      content: content(types.payload(e.body), sample(e.body)),
    };
  }
  const responses: Record<string, unknown> = {};
  for (const r of e.responses) {
    const description = r.description ?? REASONS[r.status] ?? `Status ${r.status}.`;
    if (r.body) responses[r.status] = { description, content: content(types.payload(r.body), sample(r.body)) };
    else if (r.problem) responses[r.status] = problem(description);
    else responses[r.status] = { description };
  }
  if (!e.responses.some((r) => /^2/.test(r.status) || r.status === 'default')) responses['200'] = { description: 'OK' };
  op.responses = { ...responses, ...defaultErrors(e.responses.map((r) => r.status)) };
  return op;
}

function sample(p: PayloadContract) {
  const one = sampleOfType(p.type);
  return p.repeated ? [one, one] : one;
}

/** The OpenAPI 3.1 document of one service: the contract's `/healthz` and `/ping`, then its endpoints. */
export function openApiForService(design: Design, w: ServiceWiring): GeneratedFile {
  const dns = dnsLabel(w.node.name);
  const runtime = RUNTIMES[w.runtime];
  const endpoints = designContracts(design).endpoints(w.node.id);
  const own = { ...contractSchemas(ref), Problem: problemSchema() };
  const types = new TypeSchemas(ref, Object.keys(own));
  const paths: Record<string, Record<string, unknown>> = contractPaths();
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {});
    item[e.method.toLowerCase()] = operation(e, types);
  }
  const schemas: Record<string, JsonSchema> = { ...own, ...types.components() };
  const tags = [
    { name: 'contract', description: 'What every service of the project serves: readiness and the ping fan-out.' },
  ];
  if (endpoints.length > 0)
    tags.push({ name: 'endpoints', description: 'The endpoints the service serves, as its design declares them.' });
  const doc = {
    openapi: OPENAPI_VERSION,
    info: {
      title: w.node.name.trim() || dns,
      version: '0.1.0',
      description:
        w.node.description.trim() ||
        `The ${runtime.language} (${runtime.framework}) service ${dns} of ${design.name.trim() || 'the project'}.`,
      // placeholders the team replaces: who to ask, and under which licence the API is offered
      contact: { name: `The team of ${dns}`, email: `${dns}@example.com` },
      license: { name: 'Proprietary (replace with your licence)', identifier: 'LicenseRef-Proprietary' },
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
 * and `/ping` over HTTP, and the endpoints it declares, with every declared status, parameters,
 * bodies and answers typed by components from the design's types, and RFC 9457 problem details
 * (`application/problem+json`) for errors: declared ones without a body of their own, and a 4XX
 * and a 5XX on every operation that declares none.
 */
export function generateOpenApi(design: Design): GeneratedFile[] {
  return wireServices(design).map((w) => openApiForService(design, w));
}
