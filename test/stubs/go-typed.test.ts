import { execFileSync } from 'node:child_process';
import { asUnconverted } from './unconverted';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNTIMES } from '../../src/core/catalog/catalog';
import { goStub } from '../../src/core/generators/stubs/go/index';
import { CONTRACT_GO } from '../../src/core/generators/stubs/go/typed';
import type { GeneratedFile } from '../../src/core/generators/types';
import type { Design } from '../../src/core/model/types';
import { stubContexts } from './designs';
import { sampleDesign, stubContexts as goRustContexts } from './go-rust-designs';

const RICH = JSON.parse(
  readFileSync(join(__dirname, '../../conformance/fixtures/contracts-rich.json'), 'utf8'),
) as Design;

function filesOf(design: Design, name: string, contexts = stubContexts): GeneratedFile[] {
  const ctx = contexts(design).find((c) => c.wiring.node.name === name);
  if (!ctx) throw new Error(`no service ${name}`);
  return goStub(ctx);
}

const file = (files: GeneratedFile[], path: string) => files.find((f) => f.path === path)?.content ?? '';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('Go stub with the typed contracts', () => {
  const go = filesOf(RICH, 'shop-go');

  it('is converted in the catalog, streaming RPCs included', () => {
    expect(RUNTIMES['go-nethttp'].typedContracts).toBe(true);
    expect(RUNTIMES['go-nethttp'].grpcStreaming).toBe(true);
  });

  it('compiles the real contract files, never the compatibility layer', () => {
    const protos = go.filter((f) => f.path.startsWith('proto/')).map((f) => f.path);
    expect(protos).toContain('proto/polyglot/ping/v1/ping.proto');
    expect(protos).toContain('proto/contractsrich/v1/types.proto');
    expect(protos).toContain('proto/contractsrich/shopnode/v1/shopnode.proto');
    const args = file(go, 'protoc.args');
    for (const p of protos) expect(args).toContain(p);
    expect(args).toContain('--go_opt=Mpolyglot/ping/v1/ping.proto=shop-go.local/service/gen/polyglot/ping/v1;pingv1');
  });

  it('has typed handlers of every RPC kind answering the sample', () => {
    const h = file(go, 'handlers/handlers.go');
    expect(h).toContain(
      'func GetOrder(ctx context.Context, req *contractsrichv1.OrderRef) (*contractsrichv1.Order, error)',
    );
    expect(h).toContain(
      'func WatchOrders(req *contractsrichv1.ListOrdersRequest, stream grpc.ServerStreamingServer[contractsrichv1.Order]) error',
    );
    expect(h).toContain(
      'func UploadItems(stream grpc.ClientStreamingServer[contractsrichv1.LineItem, contractsrichv1.Order]) error',
    );
    expect(h).toContain(
      'func SyncOrders(stream grpc.BidiStreamingServer[contractsrichv1.OrderRef, contractsrichv1.Order]) error',
    );
    expect(h).toContain('func Touch(ctx context.Context, req *emptypb.Empty) (*contractsrichv1.OrderRef, error)');
    expect(h).toContain('return contract.Sample[contractsrichv1.OrderRef](`{"order_id":"order_id-sample"}`), nil');
    // REST: typed path, query and header parameters, typed bodies, problems for error answers
    expect(h).toContain(
      'func GetOrdersByOrderId(ctx context.Context, orderId string, verbose *bool, tag []string, xRequestId *string) (*api.Order, error)',
    );
    expect(h).toContain('func PostCartAddToCart(ctx context.Context, body []api.LineItem) (*api.Order, error)');
    expect(h).toContain('func DeleteOrdersByOrderId(ctx context.Context, orderId string) error');
    expect(h).toContain('api.NewProblem(status, detail) for its error answers (404)');
  });

  it('generates JSON structs and enums of the REST types', () => {
    const m = file(go, 'api/models.go');
    expect(m).toMatch(/type Order struct \{[^}]*Items +\[\]LineItem +`json:"items"`/);
    expect(m).toMatch(/Labels +map\[string\]string +`json:"labels"`/);
    expect(m).toMatch(/Note +\*string +`json:"note,omitempty"`/);
    expect(m).toMatch(/Price +\*Money +`json:"price,omitempty"`/);
    expect(m).toContain('type OrderStatus string');
    expect(m).toContain('func (e *OrderStatus) UnmarshalJSON(b []byte) error');
    expect(m).toContain('"ORDER_STATUS_UNSPECIFIED", "ORDER_STATUS_OPEN", "ORDER_STATUS_PAID"');
  });

  it('checks exercise calls in the plumbing: INVALID_ARGUMENT over gRPC, 422 problem over REST', () => {
    const g = file(go, 'internal/plumbing/grpc.go');
    expect(g).toContain('if contract.Exercised(ctx) {');
    expect(g).toContain('return nil, contract.Invalid("GetOrder", "", problem)');
    expect(g).toContain('return contract.Invalid("UploadItems", " stream", problem)');
    // server-streaming answers the sample twice; bidi answers each message and wants exactly two
    expect(g).toMatch(/func \(service0\) WatchOrders[\s\S]*?for range 2 \{/);
    expect(g).toContain('expected the sample twice, got %d message(s)');
    // the ping contract, and the compatibility layer's in-service Ping in the service itself
    expect(g).toContain('pingv1.RegisterPingServiceServer(s, pingServer{})');
    expect(g).toContain(
      'func (service0) Ping(ctx context.Context, req *shopgov1.PingRequest) (*shopgov1.PingResponse, error)',
    );
    expect(g).toContain('"contractsrich.shopgo.v1.ShopGoService", "polyglot.ping.v1.PingService"');
    const l = file(go, 'internal/plumbing/links.go');
    expect(l).toContain('handle(mux, "POST /cart/addToCart"');
    expect(l).toContain('if r.Header.Get(contract.Header) != "" {');
    expect(l).toContain(
      'http.StatusUnprocessableEntity, "GET /orders/{orderId}: the request differs from the sample: "+problem',
    );
    expect(l).toContain('readParam(r, "X-Request-Id", "header", "X-Request-Id", "string", false, false, &xRequestId)');
    expect(l).toContain('readParam(r, "pageSize", "query", "pageSize", "int", false, false, &pageSize)');
    expect(file(go, 'internal/plumbing/rest.go')).toContain(
      'w.Header().Set("Content-Type", "application/problem+json")',
    );
  });

  it('exercises every method of a link to a converted target, and sends and checks queue samples', () => {
    const l = file(go, 'internal/plumbing/links.go');
    expect(l).toContain('clients.ShopNodeGrpcExercise)');
    expect(l).toContain('client.Exercise)');
    expect(l).toMatch(/publishRedis\(ctx, "REDIS_URL", path, .*json\.RawMessage\(`\{"id":"id-sample"/);
    expect(l).toMatch(/case "redis order-placed":\n\t\treturn json\.RawMessage\(`\{"id":"id-sample"/);
    const c = file(go, 'clients/grpc.go');
    expect(c).toContain('pingv1.NewPingServiceClient(conn).Ping(ctx, &pingv1.PingRequest{Path: path})');
    for (const rpc of ['GetOrder', 'PlaceOrder', 'WatchOrders', 'UploadItems', 'SyncOrders', 'Touch'])
      expect(c).toContain(`contract.Run(${JSON.stringify(rpc)}, func() (string, error) {`);
    expect(c).toContain('got, err := contract.Collect(stream.Recv)');
    expect(c).toContain('got, err := stream.CloseAndRecv()');
    const r = file(go, 'clients/rest.go');
    expect(r).toContain(
      'func (c *ShopNodeClient) GetOrdersByOrderId(ctx context.Context, orderId string, verbose *bool, tag []string, xRequestId *string) (*api.Order, error)',
    );
    expect(r).toContain('contract.Run("POST /cart/addToCart", func() (string, error) {');
    expect(r).toContain('req.Header.Set(contract.Header, "1")');
    // the declared success status is checked: 201 for POST /orders, 204 for DELETE
    expect(r).toMatch(
      /contract\.Run\("POST \/orders", func\(\) \(string, error\) \{\n\t+var status int\n\t+got, err := c\.PostOrders\(withStatus\(ctx, &status\)/,
    );
    expect(r).toContain('return statusDiff(201, status), err');
    expect(r).toContain('return statusDiff(204, status), err');
  });

  it('hands each consumer its payload decoded into the channel type, rejecting one that does not decode', () => {
    const h = file(go, 'handlers/handlers.go');
    expect(h).toContain(
      'func OnOrderPlaced(ctx context.Context, msg api.Message, payload api.OrderPlacedMessage) error {',
    );
    expect(file(go, 'api/models.go')).toContain('type OrderPlacedMessage struct {');
    expect(file(go, 'internal/plumbing/links.go')).toContain(
      'consumeRedis(ctx, "REDIS_URL", "redis", "order-placed", typed(handlers.OnOrderPlaced))',
    );
    const s = file(go, 'internal/plumbing/server.go');
    expect(s).toContain('func typed[T any](handle func(context.Context, api.Message, T) error)');
    expect(s).toContain('rejected.Add(1)');
  });

  it('is served by the callers that read the typed contracts', () => {
    // shop-pricing (FastAPI) calls shop-go: it exercises the methods as on any converted target
    const ctx = stubContexts(RICH).find((c) => c.wiring.node.name === 'shop-pricing');
    expect(ctx?.wiring.grpc.some((g) => g.target.name === 'shop-go')).toBe(true);
    expect(ctx?.wiring.rest.some((g) => g.target.name === 'shop-go')).toBe(true);
  });

  it('pings an unconverted target on its in-service Ping and exercises nothing there', () => {
    const edge = asUnconverted('java-spring', () =>
      filesOf(sampleDesign('go-nethttp', 'java-spring'), 'edge', goRustContexts),
    );
    const c = file(edge, 'clients/grpc.go');
    expect(c).toContain(
      'err = conn.Invoke(ctx, "/shop.middle.v1.MiddleService/Ping", &pingv1.PingRequest{Path: path}, resp)',
    );
    expect(file(edge, 'internal/plumbing/links.go')).toMatch(/MiddleGrpcPing\(ctx, path\)[\s\S]*?\}, nil\)/);
  });

  it.skipIf(!hasTool('go'))(
    'compares JSON as the contract says: unset fields left out, lists kept, 1 equals 1.0',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'go-contract-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'contract'));
      writeFileSync(join(dir, 'go.mod'), 'module example.local/c\n\ngo 1.22\n');
      writeFileSync(join(dir, 'contract', 'contract.go'), CONTRACT_GO);
      writeFileSync(
        join(dir, 'contract', 'contract_test.go'),
        `package contract

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestJSONDiff(t *testing.T) {
	type item struct {
		Sku  string   \`json:"sku,omitempty"\`
		Note *string  \`json:"note,omitempty"\`
		Tags []string \`json:"tags"\`
	}
	if d := JSONDiff(json.RawMessage(\`{"sku":"a","tags":[]}\`), item{Sku: "a", Tags: []string{}}); d != "" {
		t.Fatal(d)
	}
	if d := JSONDiff(json.RawMessage(\`{"n":1}\`), map[string]any{"n": 1.0, "x": nil}); d != "" {
		t.Fatal(d)
	}
	if d := JSONDiff(json.RawMessage(\`{"sku":"a","tags":[]}\`), item{Sku: "b", Tags: []string{}}); !strings.Contains(d, "expected") {
		t.Fatalf("a different value passed: %q", d)
	}
	if d := JSONDiff(json.RawMessage(\`{"tags":["x","x"]}\`), item{Tags: []string{"x"}}); d == "" {
		t.Fatal("a list of one passed for a list of two")
	}
	if Marked(context.Background()) || !Marked(Mark(context.Background())) {
		t.Fatal("the exercise mark")
	}
	m := Run("GetOrder", func() (string, error) { return "", errors.New("UNAVAILABLE: down") })
	if m.OK || m.Error != "UNAVAILABLE: down" {
		t.Fatalf("%+v", m)
	}
	if len(Short(strings.Repeat("x", 400))) != 300 {
		t.Fatal("Short")
	}
}
`,
      );
      const out = execFileSync('go', ['test', './...'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      });
      expect(out).toMatch(/^ok/m);
    },
  );
});
