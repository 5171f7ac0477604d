import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeId } from '../../src/core/catalog/catalog';
import type { GeneratedFile } from '../../src/core/generators/types';
import { rustAxumStub } from '../../src/core/generators/stubs/rust/index';
import { prostSnake, tonicModule } from '../../src/core/generators/stubs/rust/names';
import { sampleDesign, stubContexts } from './go-rust-designs';
import { fixtures } from '../../conformance/fixtures/make';
import { asUnconverted } from './unconverted';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function generate(edge: RuntimeId, odd: boolean): Map<string, GeneratedFile[]> {
  const out = new Map<string, GeneratedFile[]>();
  for (const ctx of stubContexts(sampleDesign(edge, 'rust-axum', odd)))
    if (ctx.wiring.runtime === 'rust-axum') out.set(ctx.wiring.node.name, rustAxumStub(ctx));
  return out;
}

/** The Rust service of the rich-contract fixture: called by Python, calling Python, a queue both ways. */
function richRust(): GeneratedFile[] {
  const ctx = stubContexts(fixtures()['contracts-rich']!).find((c) => c.wiring.runtime === 'rust-axum');
  if (!ctx) throw new Error('contracts-rich has no Rust service');
  return rustAxumStub(ctx);
}

const file = (files: GeneratedFile[] | undefined, path: string) => files?.find((f) => f.path === path)?.content ?? '';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('rustAxumStub', () => {
  it('names methods, fields and modules the way prost and tonic do', () => {
    expect(prostSnake('PingCall')).toBe('ping_call');
    expect(prostSnake('type_')).toBe('r#type');
    expect(prostSnake('self_')).toBe('self_');
    expect(tonicModule('OrdersService')).toBe('orders_service');
  });

  it('pins every crate and includes only what the service uses', () => {
    const edge = generate('rust-axum', false).get('edge');
    const cargo = file(edge, 'Cargo.toml');
    const deps = cargo.split('[dependencies]')[1]?.split('[profile')[0] ?? '';
    const lines = deps.split('\n').filter((l) => /^[a-z]/.test(l));
    expect(lines.length).toBeGreaterThan(8);
    for (const l of lines) expect(l).toMatch(/"=\d+\.\d+\.\d+"/);
    for (const c of ['rdkafka', 'lapin', 'redis', 'async-nats', 'tokio-postgres', 'mongodb', 'tonic', 'reqwest'])
      expect(cargo).toContain(`\n${c} = `);
    const middle = asUnconverted('go-nethttp', () => generate('go-nethttp', false)).get('middle');
    expect(file(middle, 'Cargo.toml')).not.toContain('tokio-postgres');
  });

  it('compiles the copied protos in build.rs and serves the declared RPCs', () => {
    const middle = asUnconverted('go-nethttp', () => generate('go-nethttp', false)).get('middle');
    expect(middle?.map((f) => f.path)).toContain('proto/shop/middle/v1/middle.proto');
    expect(file(middle, 'build.rs')).toContain('protoc_bin_vendored::protoc_bin_path()');
    // a module per package, nested as prost refers from one package to another
    expect(file(middle, 'src/proto.rs')).toMatch(
      /pub mod shop \{\n {4}pub mod middle \{\n {8}pub mod v1 \{\n {12}tonic::include_proto!\("shop.middle.v1"\);/,
    );
    expect(file(middle, 'src/proto.rs')).toContain('tonic::include_proto!("polyglot.ping.v1");');
    expect(file(middle, 'build.rs')).toContain('"proto/polyglot/ping/v1/ping.proto"');
    const grpc = file(middle, 'src/plumbing/grpc.rs');
    expect(grpc).toContain('async fn quote(&self, request: Request<shop_middle_v1::QuoteRequest>)');
    // an exercise call is answered by the plumbing, after checking the request
    expect(grpc).toContain('contract::check_request("Quote", &samples::QUOTE_REQUEST, request.get_ref())?;');
    expect(grpc).toContain('impl PingService for GrpcServer');
    expect(grpc).toContain('"polyglot.ping.v1.PingService"');
    expect(file(middle, 'src/handlers.rs')).toContain(
      'pub async fn quote(request: shop_middle_v1::QuoteRequest) -> Result<shop_middle_v1::QuoteResponse, Status> {',
    );
    expect(file(middle, 'src/handlers.rs')).toContain('contract::sample(&samples::QUOTE_RESPONSE)');
    expect(file(middle, 'src/samples.rs')).toContain('pub const QUOTE_REQUEST: PbSample');
    expect(file(middle, 'src/plumbing/links.rs')).toContain('.route("/items/{p0}", get(route_get_items_by_id))');
    const docker = file(middle, 'Dockerfile');
    expect(docker.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(docker.match(/^FROM /gm)?.length).toBe(2);
    expect(docker).toMatch(/--mount=type=cache/);
    expect(docker).toMatch(/^USER appuser$/m);
    expect(docker).toMatch(/curl/);
    expect(docker).toMatch(/^CMD \["\/bin\/service"\]$/m);
  });

  it('keeps the kind and target of a call that times out', () => {
    const edge = generate('rust-axum', false).get('edge');
    const links = file(edge, 'src/plumbing/links.rs');
    expect(links).not.toContain('"timeout"');
    expect(links).toContain('Err(_) => call.fail(format!("timed out after {}s", CALL_TIMEOUT.as_secs())),');
    expect(links).toContain('link(Call::to("rest", "middle"), |call| async move {');
    expect(links).toContain('link(Call::to("grpc", "middle"), |call| async move {');
    expect(links).toContain(
      'link(Call::to("database", "postgres"), |call| databases::check_postgres(call, "POSTGRES_URL")),',
    );
    // a queue call knows its message id before it is sent, so a timed-out publish still names it
    expect(links).toMatch(
      /let \(id, body\) = envelope\("kafka-events", path, payload\);\n\s+let call = Call::queue\("kafka", "kafka", "kafka-events"\)\.with_id\(id\);/,
    );
  });

  it('uses the tonic router, a lapin-safe AMQP URL and identifiers free of keyword suffixes', () => {
    const edge = generate('rust-axum', true).get('"; rm -rf / Édge');
    expect(file(edge, 'Cargo.toml')).toContain('features = ["router", "transport", "codegen"]');
    expect(file(edge, 'src/plumbing/rabbitmq.rs')).toContain('Connection::connect(&amqp_url(env_var)?');
    expect(file(edge, 'src/clients.rs')).toContain('pub fn type_grpc_type_svc_service()');
    expect(file(edge, 'src/clients.rs')).not.toContain('type__grpc');
  });

  it('serves every RPC of every kind with prost types, the ping contract and the in-service Ping', () => {
    const rust = richRust();
    const grpc = file(rust, 'src/plumbing/grpc.rs');
    // the real contract files, not the compatibility layer's single file
    expect(rust.map((f) => f.path)).toContain('proto/contractsrich/v1/types.proto');
    expect(file(rust, 'build.rs')).toContain('"proto/polyglot/ping/v1/ping.proto"');
    expect(file(rust, 'build.rs')).toContain('protoc_bin_vendored::include_path()');
    expect(grpc).toContain('type WatchOrdersStream = Replies<contractsrich_v1::Order>;');
    expect(grpc).toContain('request: Request<Streaming<contractsrich_v1::LineItem>>');
    expect(grpc).toContain('type SyncOrdersStream = Replies<contractsrich_v1::Order>;');
    expect(grpc).toContain(
      'contract::check_requests("UploadItems", &samples::LINE_ITEM, request.into_inner()).await?;',
    );
    expect(grpc).toContain('return contract::twice(&samples::ORDER).map(Response::new);');
    expect(grpc).toContain(
      'async fn touch(&self, request: Request<()>) -> Result<Response<contractsrich_v1::OrderRef>, Status> {',
    );
    // the node's own service keeps the compatibility layer's Ping, so no extra service is needed
    expect(grpc).toContain('request: Request<contractsrich_shoprust_v1::PingRequest>');
    expect(grpc).not.toContain('struct LegacyPing');
    const handlers = file(rust, 'src/handlers.rs');
    expect(handlers).toContain('pub async fn upload_items(requests: Streaming<contractsrich_v1::LineItem>)');
    expect(handlers).toContain('Ok(contract::answer_each(requests, |_request| contract::sample(&samples::ORDER)))');
    // proto3 JSON samples: enums by name, int64 as JSON numbers, bytes base64, Timestamps as text
    const samples = file(rust, 'src/samples.rs');
    expect(samples).toContain('"status":"ORDER_STATUS_OPEN"');
    expect(samples).toContain('"receipt":"cmVjZWlwdA=="');
    expect(samples).toContain('"created_at":"2024-01-02T03:04:05Z"');
    expect(samples).toContain('"counts":{"1":11}');
  });

  it('serves REST with typed parameters and bodies and answers errors as problem+json', () => {
    const rust = richRust();
    const links = file(rust, 'src/plumbing/links.rs');
    expect(links).toContain('.route("/cart/addToCart", post(route_post_cart_add_to_cart))');
    expect(links).toContain('let order_id: String = req.path(0, "orderId")?;');
    expect(links).toContain('let tag: Vec<String> = req.query_all("tag")?;');
    expect(links).toContain('let x_request_id: Option<String> = req.header("X-Request-Id")?;');
    expect(links).toContain('let status: Option<api::OrderStatus> = req.query("status")?;');
    expect(links).toContain('let body: Option<Vec<api::LineItem>> = req.body()?;');
    expect(links).toContain('exercise::check_request("POST /orders", samples::POST_ORDERS_REQUEST, &got)?;');
    expect(links).toContain('Ok(empty(204))');
    expect(file(rust, 'src/plumbing/exercise.rs')).toContain('"application/problem+json"');
    expect(file(rust, 'src/plumbing/exercise.rs')).toContain('Problem::new(422,');
    const api = file(rust, 'src/api.rs');
    expect(api).toContain('pub counts: BTreeMap<i32, i64>,');
    expect(api).toContain('pub note: Option<String>,');
    expect(api).toContain('#[serde(rename = "ORDER_STATUS_OPEN")]');
    expect(file(rust, 'src/handlers.rs')).toContain(
      'pub async fn get_orders(status: Option<api::OrderStatus>, page_size: Option<i32>) -> Result<Vec<api::Order>, Problem> {',
    );
  });

  it('exercises every method a link uses on a converted target, and publishes the channel sample', () => {
    const rust = richRust();
    const links = file(rust, 'src/plumbing/links.rs');
    expect(links).toContain('clients::ping_grpc("SHOP_ORDERS_GRPC_ADDR", "/polyglot.ping.v1.PingService/Ping", path)');
    for (const rpc of ['GetOrder', 'PlaceOrder', 'WatchOrders', 'UploadItems', 'SyncOrders', 'Touch'])
      expect(links).toContain(`methods.push(method("${rpc}", async {`);
    expect(links).toContain('let request = contract::two(&samples::ORDER_REF)?;');
    expect(links).toContain('contract::check_replies(&samples::ORDER, reply.into_inner()).await');
    for (const e of [
      'GET /orders/{orderId}',
      'GET /orders',
      'POST /orders',
      'POST /cart/addToCart',
      'DELETE /orders/{orderId}',
    ])
      expect(links).toContain(`methods.push(method("${e}", async {`);
    expect(links).toContain('let payload = exercise::value(samples::');
    expect(links).toMatch(/redis_streams::consume\(\s*"REDIS_URL",\s*"redis",\s*"order-placed",\s*samples::/);
    expect(file(rust, 'src/plumbing/mod.rs')).toContain('valid: exercise::valid(sample, &message.payload),');
    expect(file(rust, 'src/clients.rs')).toContain('pub struct ShopOrdersGetOrdersByOrderIdRequest {');
    expect(file(rust, 'Cargo.toml')).toMatch(/\nprost-reflect = .*"serde"/);
  });

  it('pings a target that is not converted on its in-service Ping, without exercising it', () => {
    const middle = asUnconverted('go-nethttp', () => generate('go-nethttp', false)).get('middle');
    const links = file(middle, 'src/plumbing/links.rs');
    // the edge is Go · net/http, not converted: its in-service Ping of the compatibility layer
    expect(links).not.toContain('methods.push(');
    const edge = generate('rust-axum', false).get('edge');
    expect(file(edge, 'src/plumbing/links.rs')).toContain('"/polyglot.ping.v1.PingService/Ping"');
  });

  it('is deterministic', () => {
    expect(generate('rust-axum', true)).toEqual(generate('rust-axum', true));
  });

  it.skipIf(!hasTool('rustfmt'))('emits rustfmt-clean Rust for plain and hostile designs', () => {
    const root = mkdtempSync(join(tmpdir(), 'rust-stub-'));
    dirs.push(root);
    let checked = 0;
    const sets: [string, Map<string, GeneratedFile[]>][] = [
      ['go-nethttp-false', generate('go-nethttp', false)],
      ['rust-axum-true', generate('rust-axum', true)],
      ['contracts-rich', new Map([['shop-rust', richRust()]])],
    ];
    for (const [set, generated] of sets) {
      for (const [name, files] of generated) {
        const dir = join(root, set, name.replace(/[^a-z]/gi, '_'));
        for (const f of files) {
          mkdirSync(dirname(join(dir, f.path)), { recursive: true });
          writeFileSync(join(dir, f.path), f.content);
        }
        // rustfmt follows `mod` declarations from main.rs into every module
        execFileSync(
          'rustfmt',
          [
            '--check',
            '--edition',
            '2021',
            'src/main.rs',
            ...(files.some((f) => f.path === 'build.rs') ? ['build.rs'] : []),
          ],
          {
            cwd: dir,
            encoding: 'utf8',
          },
        );
        checked++;
      }
    }
    expect(checked).toBe(4);
  });
});
