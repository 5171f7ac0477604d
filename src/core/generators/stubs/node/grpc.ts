import {
  RPC_KIND_WORDS,
  rpcKind,
  sampleOfType,
  type GrpcContract,
  type ResolvedType,
  type RpcContract,
} from '../../../model/contracts';
import { lit, type GrpcTarget, type StubPlan } from '../python/plan';
import { clientNames } from './names';

/** The full protobuf name of a message type (RPC requests and responses are messages). */
export function fullNameOf(t: ResolvedType): string {
  if (t.kind === 'message' || t.kind === 'enum') return t.type.names.full;
  return t.kind === 'wellKnown' ? t.name : t.scalar;
}

/**
 * The TypeScript types proto-loader-gen-types writes for the messages of the RPCs, imported into
 * one module: `Order` (what may be sent) and `Order__Output` (what arrives).
 */
export class GenTypes {
  private readonly lines = new Map<string, string>();
  constructor(private readonly fromDir: string) {}

  /** The alias of a message's input (`out` false) or output type. */
  use(t: ResolvedType, out: boolean): string {
    const full = fullNameOf(t);
    const parts = full.split('.');
    // a nested message is written in the file of its top-level message, under its full name
    const chain = t.kind === 'message' ? [t.type.names.proto] : [parts[parts.length - 1] ?? ''];
    if (t.kind === 'message') for (let m = t.type.parent; m; m = m.parent) chain.unshift(m.names.proto);
    const pkg = parts.slice(0, parts.length - chain.length);
    const top = chain[0] ?? '';
    const file = [...pkg, top].join('/');
    const alias = `_${parts.join('_')}`;
    const exported = chain.length > 1 ? alias : top;
    const depth = this.fromDir.split('/').length - 1;
    const key = `${file}#${exported}`;
    if (!this.lines.has(key))
      this.lines.set(
        key,
        `import type { ${exported} as ${alias}, ${exported}__Output as ${alias}__Output } from '${depth ? '../'.repeat(depth) : './'}gen/${file}.js';`,
      );
    return out ? `${alias}__Output` : alias;
  }

  imports(): string[] {
    return [...this.lines.values()].sort();
  }
}

/** The handler function of each own RPC in src/handlers.ts: `rpc<Rpc>` (`rpc<Service><Rpc>` with several services). */
export function rpcHandlerNames(p: StubPlan): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set<string>();
  for (const s of p.services)
    for (const r of s.rpcs) {
      let n = p.services.length > 1 ? `rpc${s.names.pascal}${r.names.pascal}` : `rpc${r.names.pascal}`;
      while (taken.has(n)) n = `${n}_`;
      taken.add(n);
      out.set(r, n);
    }
  return out;
}

/** The contract files the stub loads: own services, the targets', what they import, the ping contract. */
export function contractFiles(p: StubPlan): string[] {
  return [...new Set(p.ctx.contractProtos.map((f) => f.path))];
}

/** `src/plumbing/protos.ts`: loads the contract protos of proto/ at run time with @grpc/proto-loader. */
export function protosTs(p: StubPlan): string {
  return `/** Loads the contract protos of proto/ (copied from the project) at start. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** proto/ next to dist/ and src/: the compiled file is dist/plumbing/protos.js. */
const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

/** The contract files this service serves and calls, as in the project's proto/. */
export const CONTRACT_FILES: string[] = [
${contractFiles(p)
  .map((f) => `  ${lit(f)},`)
  .join('\n')}
];

/** The package definition of .proto files of proto/ (or of \`includeDirs\`), as the stubs load them. */
export function loadDefinition(protoPaths: string[], includeDirs: string[] = []): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoPaths, {
    includeDirs: [PROTO_ROOT, ...includeDirs],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
  });
}

let contracts: protoLoader.PackageDefinition | undefined;

/** The package definition of every contract file. */
export function contractDefinition(): protoLoader.PackageDefinition {
  return (contracts ??= loadDefinition(CONTRACT_FILES));
}

/** The service definition of a fully qualified gRPC service of the contract files. */
export function serviceDefinition(fullName: string): grpc.ServiceDefinition {
  const def = contractDefinition()[fullName];
  if (!def || typeof (def as { format?: unknown }).format === 'string') throw new Error(\`\${fullName} is not a gRPC service of the contract\`);
  return def as grpc.ServiceDefinition;
}

/** A client constructor of a fully qualified gRPC service of the contract files. */
export function clientOf(fullName: string): grpc.ServiceClientConstructor {
  return grpc.makeGenericClientConstructor(serviceDefinition(fullName), fullName);
}
`;
}

function serviceImpl(p: StubPlan, s: GrpcContract, i: number, names: Map<RpcContract, string>): string {
  const methods = s.rpcs.map((r) => {
    const req = lit(fullNameOf(r.request));
    const res = lit(fullNameOf(r.response));
    const reqS = JSON.stringify(sampleOfType(r.request));
    const resS = JSON.stringify(sampleOfType(r.response));
    return `    ${lit(r.name)}: ${rpcKind(r)}(${lit(r.name)}, ${req}, ${reqS}, ${res}, ${resS}, handlers.${names.get(r) ?? 'rpc'}),`;
  });
  return `
/** ${s.fullName}: the RPC bodies live in src/handlers.ts. */
const SERVICE_${i}: grpc.UntypedServiceImplementation = {
${methods.join('\n')}
};`;
}

/** `src/plumbing/grpcServer.ts`: the node's gRPC services, the ping contract, health and reflection. */
export function grpcServerTs(p: StubPlan): string {
  if (!p.own) return '';
  const names = rpcHandlerNames(p);
  const services = p.services;
  const legacy =
    p.legacyService !== null &&
    !services.some((s) => s.fullName === p.legacyService && s.rpcs.some((r) => r.name === 'Ping'))
      ? p.legacyService
      : null;
  const served = [...services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  return `/**
 * The gRPC server of ${p.dns}. Generated: do not edit; the RPC bodies live in src/handlers.ts.
 *
 * It serves the node's gRPC services (every RPC, streaming ones too), polyglot.ping.v1.PingService,
 * grpc.health.v1.Health and server reflection. An exercise call (metadata \`polyglot-exercise\`)
 * is answered here with the sample, after checking that the request is the sample.
 */

import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProto, type ServingStatus } from 'grpc-health-check';
import * as path from 'node:path';
import * as handlers from '../handlers.js';
import * as config from './config.js';
import { HEADER } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { tree } from './ping.js';
import { CONTRACT_FILES, loadDefinition, serviceDefinition } from './protos.js';
import { unreachable } from './ready.js';

const SERVICES = [${served.map(lit).join(', ')}, ''];

/** The standard health service (grpc.health.v1.Health): Kubernetes \`grpc:\` probes and grpcurl ask it. */
export const health = new HealthImplementation(
  Object.fromEntries(SERVICES.map((s): [string, ServingStatus] => [s, 'NOT_SERVING'])),
);

/** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
async function trackReadiness(): Promise<void> {
  const status: ServingStatus = (await unreachable()).length > 0 ? 'NOT_SERVING' : 'SERVING';
  for (const s of SERVICES) health.setStatus(s, status);
}

function requested(metadata: grpc.Metadata): boolean {
  return metadata.get(HEADER).length > 0;
}

function failure(err: unknown): grpc.ServiceError {
  if (err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'number') return err as grpc.ServiceError;
  const e = new Error(err instanceof Error ? err.message : String(err)) as grpc.ServiceError;
  return Object.assign(e, { code: grpc.status.INTERNAL, details: e.message, metadata: new grpc.Metadata() });
}

function invalid(name: string, what: string, problem: string): grpc.ServiceError {
  const details = \`\${name}: the request\${what} differs from the sample: \${problem}\`;
  return Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details, metadata: new grpc.Metadata() });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function unary(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: Any) => Promise<Any>): grpc.handleUnaryCall<Any, Any> {
  return (call, callback) => {
    if (requested(call.metadata)) {
      const problem = pbDiff(req, reqS, call.request);
      if (problem !== null) callback(invalid(name, '', problem));
      else callback(null, pbSample(res, resS));
      return;
    }
    user(call.request).then((answer) => callback(null, answer), (err: unknown) => callback(failure(err)));
  };
}

function server(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: Any) => AsyncIterable<Any>): grpc.handleServerStreamingCall<Any, Any> {
  return (call) => {
    void (async () => {
      try {
        if (requested(call.metadata)) {
          const problem = pbDiff(req, reqS, call.request);
          if (problem !== null) throw invalid(name, '', problem);
          call.write(pbSample(res, resS));
          call.write(pbSample(res, resS));
        } else {
          for await (const answer of user(call.request)) call.write(answer);
        }
        call.end();
      } catch (err) {
        call.emit('error', failure(err));
      }
    })();
  };
}

function client(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: AsyncIterable<Any>) => Promise<Any>): grpc.handleClientStreamingCall<Any, Any> {
  return (call, callback) => {
    if (requested(call.metadata)) {
      void (async () => {
        const got: unknown[] = [];
        for await (const r of call) got.push(r);
        const problem = streamDiff(req, reqS, got);
        if (problem !== null) callback(invalid(name, ' stream', problem));
        else callback(null, pbSample(res, resS));
      })().catch((err: unknown) => callback(failure(err)));
      return;
    }
    user(call).then((answer) => callback(null, answer), (err: unknown) => callback(failure(err)));
  };
}

function bidi(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: AsyncIterable<Any>) => AsyncIterable<Any>): grpc.handleBidiStreamingCall<Any, Any> {
  return (call) => {
    void (async () => {
      try {
        if (requested(call.metadata)) {
          let seen = 0;
          // the stream stays open for the answers once the requests end
          for await (const r of call.iterator({ destroyOnReturn: false })) {
            const problem = pbDiff(req, reqS, r);
            if (problem !== null) throw invalid(name, ' stream', problem);
            seen += 1;
            call.write(pbSample(res, resS));
          }
          if (seen !== 2) throw invalid(name, ' stream', \`expected the sample twice, got \${seen} message(s)\`);
        } else {
          for await (const answer of user(call.iterator({ destroyOnReturn: false }))) call.write(answer);
        }
        call.end();
      } catch (err) {
        call.emit('error', failure(err));
      }
    })();
  };
}
${services.map((s, i) => serviceImpl(p, s, i, names)).join('\n')}

async function pingAnswer(request: { path?: string[] }): Promise<{ tree_json: string }> {
  return { tree_json: JSON.stringify(await tree(request.path ?? [])) };
}

const PING: grpc.UntypedServiceImplementation = {
  Ping: (call: grpc.ServerUnaryCall<Any, Any>, callback: grpc.sendUnaryData<Any>) => {
    pingAnswer(call.request as { path?: string[] }).then((r) => callback(null, r), (err: unknown) => callback(failure(err)));
  },
};

/** Starts the gRPC server on GRPC_PORT. */
export async function serveGrpc(): Promise<grpc.Server> {
  const server = new grpc.Server();
  const legacyPath = ${legacy ? lit(`/${legacy}/Ping`) : "''"};
  let legacyServed = false;
  const add = (fullName: string, impl: grpc.UntypedServiceImplementation) => {
    const def = serviceDefinition(fullName);
    // the compatibility layer's in-service Ping, for callers not converted yet
    if (legacyPath && def['Ping']?.path === legacyPath && !impl['Ping']) {
      impl = { ...impl, Ping: PING['Ping'] as grpc.UntypedHandleCall };
      legacyServed = true;
    }
    server.addService(def, impl);
  };
${services.map((s, i) => `  add(${lit(s.fullName)}, SERVICE_${i});`).join('\n')}
  const ping = serviceDefinition('polyglot.ping.v1.PingService');
  server.addService(ping, PING);
  const pingMethod = ping['Ping'];
  if (legacyPath && !legacyServed && pingMethod) server.addService({ Ping: { ...pingMethod, path: legacyPath } }, PING);
  health.addToServer(server);
  // reflection describes the service's own API and the health service, as grpcurl lists them
  const healthRoot = path.resolve(path.dirname(healthProto), '../..');
  new ReflectionService(loadDefinition([...CONTRACT_FILES, 'health/v1/health.proto'], [healthRoot])).addToServer(server);
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(\`0.0.0.0:\${config.grpcPort()}\`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  await trackReadiness();
  setInterval(() => void trackReadiness(), 2000).unref();
  console.log(\`gRPC ${served.join(', ')} listening on \${config.grpcPort()} (with health and reflection)\`);
  return server;
}
`;
}

/** Method names of a target's used RPCs in its client, unique. */
function clientMethodNames(g: GrpcTarget): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set(['ping', 'exercise', 'stub', 'channel', 'constructor']);
  for (const r of g.used) {
    let n = r.names.camel;
    while (taken.has(n)) n = `${n}_`;
    taken.add(n);
    out.set(r, n);
  }
  return out;
}

function clientTs(g: GrpcTarget, className: string, instance: string, types: GenTypes): string {
  const names = clientMethodNames(g);
  const methods = g.used.map((r) => {
    const req = types.use(r.request, false);
    const res = types.use(r.response, true);
    const k = rpcKind(r);
    const stub = `this.stub(${lit(r.service.fullName)})`;
    const doc = `  /** ${r.service.fullName}/${r.name} on ${g.target} (${RPC_KIND_WORDS[k]}). */`;
    const n = names.get(r) ?? 'call';
    switch (k) {
      case 'unary':
        return `${doc}
  ${n}(request: ${req}, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<${res}> {
    return new Promise((resolve, reject) => {
      ${stub}[${lit(r.name)}](request, metadata, deadline(timeoutMs), (err: Error | null, answer: ${res}) => (err ? reject(err) : resolve(answer)));
    });
  }
`;
      case 'server':
        return `${doc}
  ${n}(request: ${req}, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): AsyncIterable<${res}> {
    return ${stub}[${lit(r.name)}](request, metadata, deadline(timeoutMs)) as grpc.ClientReadableStream<${res}>;
  }
`;
      case 'client':
        return `${doc}
  ${n}(requests: Iterable<${req}>, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<${res}> {
    return new Promise((resolve, reject) => {
      const call = ${stub}[${lit(r.name)}](metadata, deadline(timeoutMs), (err: Error | null, answer: ${res}) =>
        err ? reject(err) : resolve(answer),
      ) as grpc.ClientWritableStream<${req}>;
      for (const request of requests) call.write(request);
      call.end();
    });
  }
`;
      case 'bidi':
        return `${doc}
  ${n}(requests: Iterable<${req}>, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): AsyncIterable<${res}> {
    const call = ${stub}[${lit(r.name)}](metadata, deadline(timeoutMs)) as grpc.ClientDuplexStream<${req}, ${res}>;
    for (const request of requests) call.write(request);
    call.end();
    return call;
  }
`;
    }
  });
  const exercises = g.used.map((r) => {
    const req = `pbSample<${types.use(r.request, false)}>(${lit(fullNameOf(r.request))}, ${JSON.stringify(sampleOfType(r.request))})`;
    const resName = lit(fullNameOf(r.response));
    const resS = JSON.stringify(sampleOfType(r.response));
    const call = `this.${names.get(r) ?? 'call'}`;
    const opts = 'marked(), timeoutMs';
    const run = {
      unary: `pbDiff(${resName}, ${resS}, await ${call}(${req}, ${opts}))`,
      server: `streamDiff(${resName}, ${resS}, await collect(${call}(${req}, ${opts})))`,
      client: `pbDiff(${resName}, ${resS}, await ${call}([${req}, ${req}], ${opts}))`,
      bidi: `streamDiff(${resName}, ${resS}, await collect(${call}([${req}, ${req}], ${opts})))`,
    }[rpcKind(r)];
    return `      await method(${lit(r.name)}, async () => ${run}),`;
  });
  const ping = g.typed
    ? `new Promise((resolve, reject) => {
      this.stub('polyglot.ping.v1.PingService')['Ping']({ path }, new grpc.Metadata(), deadline(timeoutMs), (err: Error | null, res: { tree_json: string }) =>
        err ? reject(err) : resolve(res.tree_json),
      );
    })`
    : `new Promise((resolve, reject) => {
      // ${g.target} is not converted to the typed contracts yet: its in-service Ping
      const ping = serviceDefinition('polyglot.ping.v1.PingService')['Ping'];
      if (!ping) throw new Error('no Ping in polyglot.ping.v1');
      this.stub('polyglot.ping.v1.PingService').makeUnaryRequest(
        ${lit(g.legacyPing)},
        ping.requestSerialize,
        ping.responseDeserialize,
        { path },
        new grpc.Metadata(),
        deadline(timeoutMs),
        (err: Error | null, res?: { tree_json: string }) => (err || !res ? reject(err ?? new Error('empty answer')) : resolve(res.tree_json)),
      );
    })`;
  return `
/** gRPC client of ${g.services.map((s) => s.fullName).join(', ') || g.target}, at the address in ${g.call.envVar}. */
export class ${className} {
  private readonly stubs = new Map<string, Any>();

  private stub(fullName: string): Any {
    let s = this.stubs.get(fullName);
    if (!s) {
      const Client = clientOf(fullName);
      s = new Client(config.env(${lit(g.call.envVar)}), grpc.credentials.createInsecure());
      this.stubs.set(fullName, s);
    }
    return s;
  }

  /** The contract's Ping${g.typed ? ' (polyglot.ping.v1.PingService)' : ''}: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return ${ping};
  }

${methods.join('\n')}
  /** Calls every RPC this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
${exercises.join('\n')}
    ];
  }
}

export const ${instance} = new ${className}();`;
}

/** `src/plumbing/grpcClients.ts`: a typed client per outgoing gRPC link, with its exercise. */
export function grpcClientsTs(p: StubPlan): string {
  const names = clientNames(p);
  if (p.grpc.length === 0)
    return `/** No outgoing gRPC links. Generated: do not edit. */

import type { MethodResult } from './exercise.js';

/** The contract's Ping on an outgoing gRPC link (this service has none). */
export function grpcPing(client: string, _path: string[], _timeoutMs?: number): Promise<string> {
  return Promise.reject(new Error(\`no gRPC client \${client}\`));
}

/** The typed exercise of an outgoing gRPC link (this service has none). */
export async function grpcExercise(_client: string, _timeoutMs?: number): Promise<MethodResult[]> {
  return [];
}
`;
  const types = new GenTypes('src/plumbing');
  const parts = p.grpc.map((g) => {
    const n = names.grpc.get(g);
    return n ? clientTs(g, n.className, n.instance, types) : '';
  });
  const registry = p.grpc.map(
    (g) => `  ${lit(names.grpc.get(g)?.instance ?? '')}: ${names.grpc.get(g)?.instance ?? ''},`,
  );
  return `/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { method, type MethodResult } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { clientOf, serviceDefinition } from './protos.js';
${types.imports().join('\n')}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

/** The metadata of an exercise call. */
function marked(): grpc.Metadata {
  const m = new grpc.Metadata();
  m.set('polyglot-exercise', '1');
  return m;
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of stream) out.push(x);
  return out;
}
${parts.join('\n')}

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string>; exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
${registry.join('\n')}
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(\`no gRPC client \${client}\`));
}

/** The typed exercise of an outgoing gRPC link, by client name. */
export async function grpcExercise(client: string, timeoutMs?: number): Promise<MethodResult[]> {
  const c = CLIENTS[client];
  return c ? c.exercise(timeoutMs) : [];
}
`;
}

/** The typed gRPC handlers of the own RPCs, with a TODO body answering the sample (src/handlers.ts). */
export function rpcHandlersTs(p: StubPlan, types: GenTypes): string {
  const names = rpcHandlerNames(p);
  return p.services
    .flatMap((s) =>
      s.rpcs.map((r) => {
        const req = types.use(r.request, true);
        const res = types.use(r.response, false);
        const k = rpcKind(r);
        const streamIn = k === 'client' || k === 'bidi';
        const streamOut = k === 'server' || k === 'bidi';
        const sample = `pbSample<${res}>(${lit(fullNameOf(r.response))}, ${JSON.stringify(sampleOfType(r.response))})`;
        const arg = streamIn ? `requests: AsyncIterable<${req}>` : `_request: ${req}`;
        const body = streamOut
          ? streamIn
            ? `  for await (const _request of requests) yield ${sample};`
            : `  yield ${sample};`
          : `${streamIn ? '  for await (const _request of requests) void _request;\n' : ''}  return ${sample};`;
        return `
/** gRPC ${s.fullName}/${r.name} (${RPC_KIND_WORDS[k]}). */
export ${streamOut ? 'async function*' : 'async function'} ${names.get(r) ?? 'rpc'}(${arg}): ${streamOut ? `AsyncIterable<${res}>` : `Promise<${res}>`} {
  // TODO: replace the sample data with your logic.
${body}
}
`;
      }),
    )
    .join('');
}
