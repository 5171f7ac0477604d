import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JAVA_VERSIONS } from '../../src/core/generators/stubs/java/versions';
import { javaSpringStub } from '../../src/core/generators/stubs/java';
import type { Design } from '../../src/core/model/types';
import { fullDesign, stubContexts } from './designs';
import { asUnconverted } from './unconverted';

/** The files of one service's Java stub, by path. */
function stubOf(design: Design, name: string): Map<string, string> {
  const ctx = stubContexts(design).find((c) => c.wiring.node.name === name);
  if (!ctx) throw new Error(`${name} expected`);
  return new Map(javaSpringStub(ctx).map((f) => [f.path, f.content]));
}

function fileOf(files: Map<string, string>, suffix: string): string {
  const hit = [...files].find(([path]) => path.endsWith(suffix));
  if (!hit) throw new Error(`no file ending in ${suffix}: ${[...files.keys()].join(', ')}`);
  return hit[1];
}

describe('Java · Spring Boot stub, typed contracts', () => {
  const rich = JSON.parse(readFileSync('conformance/fixtures/contracts-rich.json', 'utf8')) as Design;
  const java = stubOf(rich, 'shop-java');

  it('compiles the real contract protos, the ping contract among them, with JsonFormat at protoc version', () => {
    expect(java.get('src/main/proto/contractsrich/v1/types.proto')).toContain('message Order');
    expect(java.get('src/main/proto/polyglot/ping/v1/ping.proto')).toContain('service PingService');
    const pom = java.get('pom.xml') ?? '';
    expect(pom).toContain(
      `<artifactId>protobuf-java-util</artifactId>\n      <version>${JAVA_VERSIONS.protobuf}</version>`,
    );
  });

  it('serves every RPC of the four kinds, checking an exercise call against the sample', () => {
    const server = fileOf(java, 'plumbing/GrpcServer.java');
    expect(server).toMatch(/public void getOrder\(\s*contractsrich\.v1\.Types\.OrderRef callRequest/);
    expect(server).toContain('public void watchOrders(contractsrich.v1.Types.ListOrdersRequest callRequest');
    expect(server).toContain(
      'public StreamObserver<contractsrich.v1.Types.LineItem> uploadItems(StreamObserver<contractsrich.v1.Types.Order> callObserver)',
    );
    expect(server).toContain(
      'public StreamObserver<contractsrich.v1.Types.OrderRef> syncOrders(StreamObserver<contractsrich.v1.Types.Order> callObserver)',
    );
    // the sample is read with protobuf's JSON mapping; a stream must be the sample twice
    expect(server).toContain(
      'Protos.<contractsrich.v1.Types.OrderRef>parse(contractsrich.v1.Types.OrderRef.newBuilder(), "{\\"order_id\\":\\"order_id-sample\\"}")',
    );
    expect(server).toContain('Protos.streamDiff(');
    expect(server).toContain('throw Protos.invalid("GetOrder", "", callProblem);');
    // server-streaming answers the sample twice
    expect(
      server.match(/callObserver\.onNext\(Protos\.<contractsrich\.v1\.Types\.Order>parse/g)?.length,
    ).toBeGreaterThanOrEqual(5);
    // PingService, health for each served name, and the compatibility layer's in-service Ping
    expect(server).toContain('extends polyglot.ping.v1.PingServiceGrpc.PingServiceImplBase');
    expect(server).toContain('"contractsrich.shopjava.v1.ShopJavaService", "polyglot.ping.v1.PingService"');
    expect(server).toContain('public void ping(contractsrich.shopjava.v1.Shopjava.PingRequest pingRequest');
    const handlers = fileOf(java, 'handlers/RpcHandlers.java');
    expect(handlers).toContain(
      'public contractsrich.v1.Types.Order uploadItems(List<contractsrich.v1.Types.LineItem> rpcRequests)',
    );
    expect(handlers).toContain('// TODO: replace the sample answer with the real one.');
  });

  it('serves typed REST routes at their declared paths, with problem+json errors', () => {
    const routes = fileOf(java, 'plumbing/RestRoutes.java');
    expect(routes).toContain('@RequestMapping(method = RequestMethod.POST, path = "/cart/addToCart")');
    expect(routes).toContain('@RequestBody(required = false) java.util.List<Models.LineItem> body');
    expect(routes).toContain('@RequestParam(name = "tag", required = false) java.util.List<String> tag');
    expect(routes).toContain('@RequestParam(name = "status", required = false) Models.OrderStatus status');
    expect(routes).toContain('@RequestHeader(name = "X-Request-Id", required = false) String xRequestId');
    expect(routes).toContain(
      'throw new Problem(422, "POST /orders" + ": the request differs from the sample: " + callProblem);',
    );
    expect(routes).toContain('return ResponseEntity.status(204).build();');
    expect(fileOf(java, 'plumbing/Problems.java')).toContain('MediaType.APPLICATION_PROBLEM_JSON');
    const models = fileOf(java, 'models/Models.java');
    expect(models).toContain('@JsonProperty("counts") java.util.Map<Integer, Long> counts');
    expect(models).toContain('@JsonProperty("items") java.util.List<LineItem> items');
    expect(models).toMatch(/public enum OrderStatus \{\n {4}@JsonProperty\("ORDER_STATUS_UNSPECIFIED"\)/);
    const api = fileOf(java, 'handlers/ApiHandlers.java');
    expect(api).toContain(
      'public Models.Order getOrdersByOrderId(String orderId, Boolean verbose, java.util.List<String> tag, String xRequestId)',
    );
  });

  it('exercises every method of a link to a converted target, and checks queue payloads', () => {
    const grpc = fileOf(java, 'plumbing/ShopNodeGrpcClient.java');
    for (const rpc of ['GetOrder', 'PlaceOrder', 'WatchOrders', 'UploadItems', 'SyncOrders', 'Touch'])
      expect(grpc).toContain(`exerciseResults.add(Exercise.method("${rpc}"`);
    expect(grpc).toContain('polyglot.ping.v1.PingServiceGrpc.newBlockingStub(grpcChannel())');
    const rest = fileOf(java, 'plumbing/ShopNodeRestClient.java');
    for (const label of [
      'GET /orders/{orderId}',
      'GET /orders',
      'POST /orders',
      'POST /cart/addToCart',
      'DELETE /orders/{orderId}',
    ])
      expect(rest).toContain(`Exercise.method("${label}"`);
    const fanout = fileOf(java, 'plumbing/Fanout.java');
    expect(fanout).toContain('shopNodeRestClient::exercise');
    expect(fanout).toContain('shopNodeGrpcClient::exercise');
    expect(fileOf(java, 'plumbing/Subscriptions.java')).toContain('received.add(broker, topic, envelope, valid);');
    expect(fileOf(java, 'handlers/Messages.java')).toContain(
      'public static Models.OrderPlacedMessage sampleOrderPlaced()',
    );
  });

  it('pings an unconverted target on its in-service Ping and exercises nothing there', () => {
    const files = asUnconverted('go-nethttp', () => stubOf(fullDesign('java-spring', 'go-nethttp'), 'orders'));
    const grpc = fileOf(files, 'plumbing/InventoryGrpcClient.java');
    expect(grpc).toContain('.setFullMethodName("shop.inventory.v1.InventoryService/Ping")');
    expect(grpc).toContain('ClientCalls.blockingUnaryCall(');
    const fanout = fileOf(files, 'plumbing/Fanout.java');
    expect(fanout).toContain('entry("grpc", "inventory"), () -> JSON.readTree(inventoryGrpcClient.ping(hops)), null);');
    expect(fanout).toContain('entry("rest", "inventory"), () -> inventoryRestClient.ping(hops), null);');
  });

  it('serves the in-service Ping for unconverted callers when its own services have other names', () => {
    const design = fullDesign('java-spring');
    const named: Design = {
      ...design,
      nodes: design.nodes.map((n) =>
        n.name === 'inventory' && n.api
          ? {
              ...n,
              api: { ...n.api, grpc: n.api.grpc.map((s) => ({ ...s, name: 'StockService', package: 'stock.v1' })) },
            }
          : n,
      ),
    };
    const server = fileOf(stubOf(named, 'inventory'), 'plumbing/GrpcServer.java');
    expect(server).toContain('.addService(legacyPing())');
    expect(server).toContain('MethodDescriptor.generateFullMethodName("shop.inventory.v1.InventoryService", "Ping")');
  });
});
