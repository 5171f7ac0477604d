import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NODE_VERSIONS, nodeExpressStub } from '../../src/core/generators/stubs/node';
import { dockerfileProblems } from '../fixtures/dockerfile-rules';
import { fullDesign, hostileDesign, stubContexts } from './designs';

/** Syntax errors of one TypeScript file, as tsc would report them (no type check: no node_modules here). */
function syntaxErrors(path: string, source: string): string[] {
  const out = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true },
  });
  return (out.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('Node.js · TypeScript (Express) stub', () => {
  const designs = {
    full: fullDesign('node-express'),
    mixed: fullDesign('node-express', 'python-fastapi'),
    hostile: hostileDesign('node-express'),
  };

  it.each(Object.entries(designs))('%s design: every TypeScript file parses', (_name, design) => {
    for (const ctx of stubContexts(design)) {
      if (ctx.wiring.runtime !== 'node-express') continue;
      const files = nodeExpressStub(ctx);
      const sources = files.filter((f) => f.path.endsWith('.ts'));
      expect(sources.map((f) => f.path)).toEqual(expect.arrayContaining(['src/main.ts', 'src/handlers.ts']));
      expect(sources.flatMap((f) => syntaxErrors(f.path, f.content))).toEqual([]);
      for (const f of files.filter((x) => x.path.endsWith('.json')))
        expect(() => JSON.parse(f.content), f.path).not.toThrow();
    }
  });

  it('keeps the Dockerfile rules and pins every dependency exactly', () => {
    for (const ctx of stubContexts(designs.full)) {
      const files = new Map(nodeExpressStub(ctx).map((f) => [f.path, f.content]));
      expect(dockerfileProblems(files.get('Dockerfile') ?? '')).toEqual([]);
      expect(files.get('.dockerignore')).toContain('node_modules');
      const pkg = JSON.parse(files.get('package.json') ?? '{}') as Record<string, Record<string, string>>;
      const all = { ...pkg.dependencies, ...pkg.devDependencies };
      expect(Object.keys(all).length).toBeGreaterThan(3);
      for (const [name, version] of Object.entries(all))
        expect(version, name).toBe(NODE_VERSIONS[name as keyof typeof NODE_VERSIONS]);
    }
  });

  it('wires every link of the caller and the callee with the typed contracts', () => {
    const [orders, inventory] = stubContexts(designs.full);
    if (!orders || !inventory) throw new Error('two services expected');
    const a = new Map(nodeExpressStub(orders).map((f) => [f.path, f.content]));
    const config = a.get('src/plumbing/config.ts') ?? '';
    expect(config).toContain('export const FRAMEWORK = "Express"');
    expect(config).toContain('{ target: "inventory", env: "INVENTORY_URL", client: "inventoryRest", typed: true }');
    expect(config).toContain(
      '{ target: "inventory", env: "INVENTORY_GRPC_ADDR", client: "inventoryGrpc", typed: true }',
    );
    for (const kind of ['kafka', 'rabbitmq', 'redis', 'nats']) expect(config).toContain(`topic: "${kind}-events"`);
    const pkg = JSON.parse(a.get('package.json') ?? '{}') as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['kafkajs', 'amqplib', 'ioredis', 'nats', 'pg', 'mongodb', '@grpc/grpc-js', 'protobufjs']),
    );
    // the real contract files, the ping contract among them
    expect(a.get('proto/shop/inventory/v1/inventory.proto')).toContain('service InventoryService');
    expect(a.get('proto/polyglot/ping/v1/ping.proto')).toContain('service PingService');
    const clients = a.get('src/plumbing/grpcClients.ts') ?? '';
    expect(clients).toMatch(
      /getItem\(request: _shop_inventory_v1_GetItemRequest, metadata = new grpc\.Metadata\(\), timeoutMs = config\.TIMEOUT_MS\): Promise<_shop_inventory_v1_GetItemResponse__Output>/,
    );
    // the exercise calls every RPC with the sample and compares the answer with the sample
    expect(clients).toContain(
      'await method("GetItem", async () => pbDiff("shop.inventory.v1.GetItemResponse", {"id":"id-sample","score":2.5}',
    );
    expect(clients).toContain(
      "import type { GetItemRequest as _shop_inventory_v1_GetItemRequest, GetItemRequest__Output as _shop_inventory_v1_GetItemRequest__Output } from '../gen/shop/inventory/v1/GetItemRequest.js';",
    );
    expect(a.get('src/plumbing/restClients.ts')).toContain('await method("GET /items/{id}"');
    const b = new Map(nodeExpressStub(inventory).map((f) => [f.path, f.content]));
    expect(b.get('src/main.ts')).toContain("app.set('case sensitive routing', true);");
    const routes = b.get('src/plumbing/restServer.ts') ?? '';
    expect(routes).toContain('serve(app, "get", "/items/:p0", {');
    expect(routes).toContain('handler: (a) => handlers.getItemsById(a.params["id"] as string),');
    expect(b.get('src/handlers.ts')).toMatch(
      /export async function getItemsById\(_id: string\): Promise<models\.GetItemsByIdResponse>/,
    );
    expect(b.get('src/handlers.ts')).toMatch(
      /export async function rpcGetItem\(_request: _shop_inventory_v1_GetItemRequest__Output\): Promise<_shop_inventory_v1_GetItemResponse>/,
    );
    const server = b.get('src/plumbing/grpcServer.ts') ?? '';
    expect(server).toContain('add("shop.inventory.v1.InventoryService", SERVICE_0);');
    expect(server).toContain('"GetItem": unary("GetItem", "shop.inventory.v1.GetItemRequest", {"id":"id-sample"}');
    expect(server).toContain("serviceDefinition('polyglot.ping.v1.PingService')");
    const bpkg = JSON.parse(b.get('package.json') ?? '{}') as { scripts: Record<string, string> };
    expect(bpkg.scripts['gen:proto']).toBe(
      'proto-loader-gen-types --keepCase --longs=String --enums=String --defaults --grpcLib=@grpc/grpc-js --importFileExtension=.js -I proto -O src/gen polyglot/ping/v1/ping.proto shop/inventory/v1/inventory.proto shop/orders/v1/orders.proto',
    );
    expect(bpkg.scripts.build).toBe('npm run gen:proto && tsc -p tsconfig.json');
    expect(b.get('src/plumbing/config.ts')).toMatch(
      /SUBSCRIBES: QueueLink\[\] = \[\n {2}\{ broker: "kafka", kind: "kafka", env: "KAFKA_URL", topic: "kafka-events", payload: \{"id":"id-sample"/,
    );
  });
});
