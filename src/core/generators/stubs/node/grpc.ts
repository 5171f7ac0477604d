import type { ContractField } from '../../../model/contracts';
import { lit, type StubPlan } from '../python/plan';
import { clientNames, tsInterface, tsZero } from './names';

/** `src/plumbing/protos.ts`: loads a .proto of proto/ at run time with @grpc/proto-loader. */
export const PROTOS_TS = `/** Loads the service definitions of proto/ (copied from the project) at start. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** proto/ next to dist/ and src/: the compiled file is dist/plumbing/protos.js. */
const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

/** The package definition of .proto files of proto/ (or of \`includeDirs\`), as the stubs load them. */
export function loadDefinition(protoPaths: string[], includeDirs: string[] = []): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoPaths, {
    includeDirs: [PROTO_ROOT, ...includeDirs],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
  });
}

/** The client constructor (and service definition) of a fully qualified gRPC service. */
export function loadService(protoPath: string, fullName: string): grpc.ServiceClientConstructor {
  let node: unknown = grpc.loadPackageDefinition(loadDefinition([protoPath]));
  for (const part of fullName.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(\`\${fullName} is not in \${protoPath}\`);
  return node as grpc.ServiceClientConstructor;
}
`;

/**
 * The module that proto-loader-gen-types writes for a gRPC service at build time
 * (\`src/gen/<package path>/<Service>.ts\`), as an import specifier from \`fromDir\`.
 */
export function genModule(fromDir: string, fullService: string): string {
  const depth = fromDir.split('/').length - 1;
  return `${'../'.repeat(depth)}gen/${fullService.split('.').join('/')}.js`;
}

function pick(fields: readonly ContractField[], from: string): string {
  return `{ ${fields.map((f) => `${f.name}: ${from}.${f.name}`).join(', ')} }`;
}

/** `src/plumbing/grpcServer.ts`: Ping plus the declared RPCs, whose bodies live in handlers.ts. */
export function grpcServerTs(p: StubPlan): string {
  if (!p.own) return '';
  const methods = p.rpcs.map((r) => `    ${r.name}: unary((req) => handlers.rpc${r.name}(${pick(r.request, 'req')})),`);
  return `/** The gRPC server of ${p.own.fullService}. Generated: do not edit; the RPC bodies live in src/handlers.ts. */

import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProto, type ServingStatus } from 'grpc-health-check';
import * as path from 'node:path';
import * as handlers from '../handlers.js';
import * as config from './config.js';
import type { ${p.own.service}Handlers } from '${genModule('src/plumbing', p.own.fullService)}';
import { tree } from './ping.js';
import { loadDefinition, loadService } from './protos.js';
import { unreachable } from './ready.js';

const SERVICES = [${lit(p.own.fullService)}, ${lit('')}];

/** The standard health service (grpc.health.v1.Health): Kubernetes \`grpc:\` probes and grpcurl ask it. */
export const health = new HealthImplementation(
  Object.fromEntries(SERVICES.map((s): [string, ServingStatus] => [s, 'NOT_SERVING'])),
);

/** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
async function trackReadiness(): Promise<void> {
  const status: ServingStatus = (await unreachable()).length > 0 ? 'NOT_SERVING' : 'SERVING';
  for (const s of SERVICES) health.setStatus(s, status);
}

function unary<Req, Res>(run: (req: Req) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    run(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) }),
    );
  };
}

/** Starts the gRPC server on GRPC_PORT. */
export async function serveGrpc(): Promise<grpc.Server> {
  const service = loadService(${lit(p.own.protoPath)}, ${lit(p.own.fullService)});
  const server = new grpc.Server();
  const implementation: ${p.own.service}Handlers = {
    Ping: unary(async (req) => ({ tree_json: JSON.stringify(await tree(req.path ?? [])) })),
${methods.join('\n')}
  };
  server.addService(service.service, implementation);
  health.addToServer(server);
  // reflection describes the service's own API and the health service, as grpcurl lists them
  const healthRoot = path.resolve(path.dirname(healthProto), '../..');
  new ReflectionService(loadDefinition([${lit(p.own.protoPath)}, 'health/v1/health.proto'], [healthRoot])).addToServer(server);
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(\`0.0.0.0:\${config.grpcPort()}\`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  await trackReadiness();
  setInterval(() => void trackReadiness(), 2000).unref();
  console.log(\`gRPC ${p.own.fullService} listening on \${config.grpcPort()} (with health and reflection)\`);
  return server;
}
`;
}

/** `src/plumbing/grpcClients.ts`: a typed client per outgoing gRPC link, and the Ping of each. */
export function grpcClientsTs(p: StubPlan): string {
  const names = clientNames(p);
  if (p.grpc.length === 0)
    return `/** No outgoing gRPC links. Generated: do not edit. */

/** The contract's Ping on an outgoing gRPC link (this service has none). */
export function grpcPing(client: string, _path: string[], _timeoutMs?: number): Promise<string> {
  return Promise.reject(new Error(\`no gRPC client \${client}\`));
}
`;
  const parts = p.grpc.map((g) => {
    const n = names.grpc.get(g);
    if (!n) return '';
    const types = g.rpcs.flatMap((r) => [
      tsInterface(`${n.prefix}${r.name}Request`, r.request, `${r.name} request of ${g.target}.`),
      tsInterface(`${n.prefix}${r.name}Response`, r.response, `${r.name} response of ${g.target}.`),
    ]);
    const methods = g.rpcs.map(
      (r) => `
  /** Calls ${r.name} on ${g.target}. */
  ${r.camel}(req: Partial<${n.prefix}${r.name}Request> = {}): Promise<${n.prefix}${r.name}Response> {
    const full: ${n.prefix}${r.name}Request = { ${r.request.map((f) => `${f.name}: req.${f.name} ?? ${tsZero(f.type)}`).join(', ')} };
    return new Promise((resolve, reject) => {
      this.stub().${r.name}(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }
`,
    );
    return `
${types.join('\n\n')}

/** gRPC client of ${g.fullService}, at the address in ${g.call.envVar}. */
export class ${n.className} {
  private client: ${n.prefix}Stub | null = null;

  private stub(): ${n.prefix}Stub {
    if (!this.client) {
      const Client = loadService(${lit(g.protoPath)}, ${lit(g.fullService)});
      this.client = new Client(config.env(${lit(g.call.envVar)}), grpc.credentials.createInsecure()) as unknown as ${n.prefix}Stub;
    }
    return this.client;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub().Ping({ path }, deadline(timeoutMs), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res.tree_json)));
    });
  }
${methods.join('')}}

export const ${n.instance} = new ${n.className}();`;
  });
  const imports = p.grpc.map(
    (g) =>
      `import type { ${g.service}Client as ${names.grpc.get(g)?.prefix ?? ''}Stub } from '${genModule('src/plumbing', g.fullService)}';`,
  );
  const registry = p.grpc.map(
    (g) => `  ${lit(names.grpc.get(g)?.instance ?? '')}: ${names.grpc.get(g)?.instance ?? ''},`,
  );
  return `/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
${imports.join('\n')}
import * as config from './config.js';
import { loadService } from './protos.js';

const EMPTY = new Error('empty answer');

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}
${parts.join('\n')}

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string> }> = {
${registry.join('\n')}
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(\`no gRPC client \${client}\`));
}
`;
}
