import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRuntime } from '../src/core/catalog/catalog';
import { designContracts } from '../src/core/model/contracts';
import { wireServices } from '../src/core/model/wiring';
import { fixtures } from '../conformance/fixtures/make';
import type { ServiceStatus } from '../conformance/lib/checks';
import {
  malformedBody,
  rejectChecks,
  rejectionRpc,
  rejectionTarget,
  sampleRequest,
  sendMalformed,
} from '../conformance/lib/reject';

const design = fixtures()['contracts-rich']!;
const services = wireServices(design);
const typed = services.filter((w) => rejectionTarget(design, w));
const up = new Map<string, ServiceStatus>(
  design.nodes.filter((n) => isRuntime(n.kind)).map((n) => [n.id, { state: 'up' }]),
);

/** A server that answers each request as `answer` says, recording what it got. */
let server: Server;
let port = 0;
let answer: (body: string) => { status: number; type: string; body: string } = () => ({
  status: 200,
  type: 'application/json',
  body: '{}',
});
const seen: { method?: string; url?: string; body: string; marker?: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, marker: req.headers['polyglot-exercise'] as string });
      const a = answer(body);
      res.writeHead(a.status, { 'content-type': a.type }).end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the rejection check', () => {
  it('targets every typed service of contracts-rich on its first typed body, with a body that does not fit', () => {
    expect(typed.map((w) => w.runtime).sort()).toEqual([
      'go-nethttp',
      'java-spring',
      'node-express',
      'python-django',
      'python-fastapi',
      'python-flask',
      'ruby-sinatra',
      'rust-axum',
      'scala-http4s',
      'scala-http4s',
    ]);
    const e = rejectionTarget(design, typed[0]!)!;
    expect(`${e.method} ${e.path}`).toBe('POST /orders');
    // Order's first list field holds a string
    expect(malformedBody(e)).toEqual({ items: 'not-a-list' });
    expect(sampleRequest(e)).toEqual({ path: '/orders', headers: {} });
  });

  it('fills every parameter with its sample', () => {
    const w = typed[0]!;
    const e = designContracts(design)
      .endpoints(w.node.id)
      .find((x) => x.method === 'GET' && x.path === '/orders/{orderId}')!;
    const r = sampleRequest(e);
    expect(r.path).toBe('/orders/orderId-sample?verbose=true&tag=tag-sample&tag=tag-sample');
    expect(r.headers).toEqual({ 'X-Request-Id': 'X-Request-Id-sample' });
  });

  it('passes a 422 problem+json answer and fails anything else, naming what differs', async () => {
    const w = typed[0]!;
    const one = [w];
    answer = () => ({ status: 422, type: 'application/problem+json', body: '{"status":422,"title":"x"}' });
    const good = await sendMalformed(design, one, up, () => port);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/orders', marker: undefined });
    expect(JSON.parse(last.body)).toEqual({ items: 'not-a-list' });
    const rest = (rs: ReturnType<typeof rejectChecks>) => rs.filter((r) => r.id.startsWith('reject:'));
    expect(rest(rejectChecks(design, one, up, good)).map((r) => [r.status, r.cells])).toEqual([
      ['pass', [[w.runtime, 'reject']]],
    ]);
    answer = () => ({ status: 201, type: 'application/json', body: '{"id":"x"}' });
    const accepted = await sendMalformed(design, one, up, () => port);
    const r = rest(rejectChecks(design, one, up, accepted))[0]!;
    expect(r.status).toBe('fail');
    expect(r.detail).toBe('HTTP 201; content-type application/json; problem status undefined');
    answer = () => ({ status: 400, type: 'application/problem+json', body: '{"status":400}' });
    const bad = rest(rejectChecks(design, one, up, await sendMalformed(design, one, up, () => port)))[0]!;
    expect(bad.detail).toBe('HTTP 400; problem status 400');
  });

  it('skips a service that is not running, and fails one that does not answer', async () => {
    const w = typed[0]!;
    const down = new Map<string, ServiceStatus>([[w.node.id, { state: 'start-failed', reason: 'x' }]]);
    expect(rejectChecks(design, [w], down, new Map()).map((r) => r.status)).toEqual(['skip', 'skip']);
    const closed = await sendMalformed(design, [w], up, () => 1);
    expect(rejectChecks(design, [w], up, closed).map((r) => r.status)).toEqual(['fail', 'fail']);
  });
});

describe('the gRPC rejection check', () => {
  it('asks each typed gRPC server of contracts-rich about its first unary RPC with a request that has fields', () => {
    const asked = services.filter((w) => rejectionRpc(design, w)).map((w) => rejectionRpc(design, w)!.path);
    expect(asked).toContain('/contractsrich.shopgo.v1.ShopGoService/GetOrder');
    expect(asked).toContain('/contractsrich.shopscala.v1.ShopScalaService/GetOrder');
    expect(asked).toContain('/contractsrich.shopruby.v1.ShopRubyService/GetOrder');
    expect(asked).toHaveLength(10);
  });

  it('asks a typed gRPC server that serves no typed REST body too', () => {
    const go = fixtures()['go-nethttp']!;
    const back = wireServices(go).find((w) => w.node.name === 'go-back')!;
    expect(rejectionTarget(go, back)).toBeUndefined();
    expect(rejectionRpc(go, back)?.name).toBe('GetItem');
    // a service that serves no gRPC is not asked
    const front = wireServices(go).find((w) => w.node.name === 'go-front')!;
    expect(rejectionRpc(go, front)).toBeUndefined();
  });

  it('passes INVALID_ARGUMENT naming the RPC, fails another status', () => {
    const w = services.find((x) => x.node.name === 'shop-go')!;
    const pass = new Map([
      [`${w.node.id} grpc`, { label: 'GetOrder', grpcStatus: 3, grpcMessage: 'GetOrder: the request differs' }],
    ]);
    const fail = new Map([[`${w.node.id} grpc`, { label: 'GetOrder', grpcStatus: 0, grpcMessage: '' }]]);
    const grpcOf = (rs: ReturnType<typeof rejectChecks>) => rs.find((r) => r.id === 'reject-grpc:shop-go');
    expect(grpcOf(rejectChecks(design, [w], up, pass))?.status).toBe('pass');
    expect(grpcOf(rejectChecks(design, [w], up, fail))).toMatchObject({ status: 'fail', detail: 'status 0: ' });
  });
});
