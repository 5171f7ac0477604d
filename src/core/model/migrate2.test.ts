import { describe, expect, it } from 'vitest';
import { migrate2to3 } from './migrate2';
import { restore, type RestoreResult } from './restore';
import { DESIGN_FORMAT, type Design, type MessageType } from './types';

function ok(r: RestoreResult): Extract<RestoreResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}

const node = (id: string, kind: string) => ({ id, kind, name: id, position: { x: 0, y: 0 }, port: 8000 });
const f = (name: string, type = 'string') => ({ name, type });
const link = (id: string, kind: string, source: string, target: string, extra: object = {}) => ({
  id,
  kind,
  source,
  target,
  endpoints: [],
  rpcs: [],
  topic: '',
  message: [],
  ...extra,
});
const v2 = (
  links: object[],
  nodes = [node('a', 'python-fastapi'), node('b', 'go-nethttp'), node('c', 'java-spring')],
) => ({
  format: DESIGN_FORMAT,
  version: 2,
  name: 'shop',
  nodes,
  links,
  viewport: { x: 0, y: 0, zoom: 1 },
});
const messageOf = (d: Design, id: string | undefined) =>
  d.types.find((t): t is MessageType => t.id === id && t.kind === 'message');

describe('migration 2 -> 3: RPCs move to the service that serves them', () => {
  const reserve = { name: 'reserve', request: [f('sku'), f('qty', 'int')], response: [f('ok', 'bool')] };
  const doc = v2([
    link('ab', 'grpc', 'a', 'b', { rpcs: [reserve, { name: 'Ping', request: [], response: [f('x', 'float')] }] }),
    // the same RPC declared again, the same way: no notice
    link('cb', 'grpc', 'c', 'b', { rpcs: [reserve] }),
  ]);

  it('gives the target one gRPC service with the RPCs, named and typed as version 2 exported them', () => {
    const r = ok(restore(doc));
    expect(r.warnings).toEqual([]);
    const b = r.design.nodes.find((n) => n.id === 'b');
    const svc = b?.api?.grpc[0];
    expect(b?.api?.grpc).toHaveLength(1);
    expect(svc?.name).toBeUndefined();
    expect(svc?.package).toBeUndefined();
    // names in PascalCase; Ping, which every service has, became PingCall
    expect(svc?.rpcs.map((x) => x.name)).toEqual(['Reserve', 'PingCall']);
    const req = messageOf(r.design, svc?.rpcs[0]?.request);
    expect(req).toMatchObject({ name: 'ReserveRequest', owner: 'b' });
    expect(req?.fields).toEqual([
      { number: 1, name: 'sku', type: 'string' },
      { number: 2, name: 'qty', type: 'int64' },
    ]);
    expect(messageOf(r.design, svc?.rpcs[1]?.response)?.fields).toEqual([{ number: 1, name: 'x', type: 'double' }]);
    // each link uses what it declared
    const uses = Object.fromEntries(r.design.links.map((l) => [l.id, l.uses]));
    expect(uses).toEqual({ ab: svc?.rpcs.map((x) => x.id), cb: [svc?.rpcs[0]?.id] });
  });

  it('keeps the first of two different declarations and names the rest in a notice', () => {
    const r = ok(
      restore(
        v2([
          link('ab', 'grpc', 'a', 'b', { rpcs: [reserve] }),
          link('cb', 'grpc', 'c', 'b', { rpcs: [{ ...reserve, response: [f('ok', 'bool'), f('left', 'int')] }] }),
        ]),
      ),
    );
    expect(r.warnings).toEqual([
      'b: the RPC Reserve was declared differently by c; kept the first (from a), 1 more ignored.',
    ]);
    const rpc = r.design.nodes.find((n) => n.id === 'b')?.api?.grpc[0]?.rpcs[0];
    expect(messageOf(r.design, rpc?.response)?.fields.map((x) => x.name)).toEqual(['ok']);
    // the second link still uses the RPC: it calls the one the service now serves
    expect(r.design.links.map((l) => l.uses)).toEqual([[rpc?.id], [rpc?.id]]);
  });

  it('numbers fields after name cleaning, as version 2 did: reserved words and repeats', () => {
    const r = ok(
      restore(
        v2([
          link('ab', 'grpc', 'a', 'b', {
            rpcs: [{ name: 'x', request: [f('class'), f('class'), f('from')], response: [] }],
          }),
        ]),
      ),
    );
    const rpc = r.design.nodes.find((n) => n.id === 'b')?.api?.grpc[0]?.rpcs[0];
    expect(messageOf(r.design, rpc?.request)?.fields.map((x) => `${x.number} ${x.name}`)).toEqual([
      '1 class_value',
      '2 class_value_2',
      '3 from_value',
    ]);
  });

  it('gives a service called over gRPC without RPCs its (empty) gRPC service', () => {
    const r = ok(restore(v2([link('ab', 'grpc', 'a', 'b')])));
    expect(r.design.nodes.find((n) => n.id === 'b')?.api).toEqual({
      grpc: [{ id: expect.any(String), rpcs: [] }],
      rest: [],
    });
    expect(r.design.links[0]?.uses).toBeUndefined();
  });
});

describe('migration 2 -> 3: endpoints and topics', () => {
  it('moves endpoints to the target, merged by method and route, path case kept', () => {
    const r = ok(
      restore(
        v2([
          link('ab', 'rest', 'a', 'b', {
            endpoints: [
              { method: 'POST', path: 'cart/addToCart', request: [f('sku')], response: [f('id')] },
              {
                method: 'GET',
                path: '/orders/{Order Id}',
                request: [f('verbose', 'bool')],
                response: [f('total', 'float')],
              },
            ],
          }),
          link('cb', 'rest', 'c', 'b', {
            endpoints: [{ method: 'GET', path: '/orders/{key}', request: [], response: [f('total', 'int')] }],
          }),
        ]),
      ),
    );
    const rest = r.design.nodes.find((n) => n.id === 'b')?.api?.rest ?? [];
    expect(rest.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /cart/addToCart', 'GET /orders/{order_id}']);
    const [post, get] = rest;
    expect(messageOf(r.design, post?.body?.type)).toMatchObject({
      name: 'PostCartAddToCartRequest',
      fields: [{ name: 'sku' }],
    });
    expect(post?.responses).toEqual([{ status: '200', body: { type: expect.any(String) } }]);
    // a GET's request fields, which version 2 did not export, become query parameters
    expect(get?.params).toEqual([
      { name: 'order_id', in: 'path', type: 'string', required: true },
      { name: 'verbose', in: 'query', type: 'bool', required: false },
    ]);
    expect(get?.body).toBeUndefined();
    expect(r.warnings).toEqual([
      'b: GET /orders/{order_id} was declared differently by c; kept the first (from a), 1 more ignored.',
    ]);
    expect(r.design.links.map((l) => l.uses)).toEqual([[post?.id, get?.id], [get?.id]]);
  });

  it('makes one channel per broker and topic, and names a different message in a notice', () => {
    const order = [f('order_id'), f('total', 'float')];
    const r = ok(
      restore(
        v2(
          [
            link('ak', 'queue', 'a', 'k', { topic: 'order-placed', message: order }),
            link('kb', 'queue', 'k', 'b', { topic: 'order-placed', message: order }),
            link('kc', 'queue', 'k', 'c', { topic: 'order-placed', message: [f('order_id')] }),
          ],
          [node('a', 'python-fastapi'), node('b', 'go-nethttp'), node('c', 'java-spring'), node('k', 'kafka')],
        ),
      ),
    );
    const k = r.design.nodes.find((n) => n.id === 'k');
    expect(k?.channels).toHaveLength(1);
    const m = messageOf(r.design, k?.channels?.[0]?.message);
    expect(m).toMatchObject({
      name: 'OrderPlacedMessage',
      fields: [{ name: 'order_id' }, { name: 'total', type: 'double' }],
    });
    expect(m?.owner).toBeUndefined();
    expect(r.design.links.map((l) => l.topic)).toEqual(['order-placed', 'order-placed', 'order-placed']);
    expect(r.warnings).toEqual([
      'k: the order-placed message was declared differently by c; kept the first (from a), 1 more ignored.',
    ]);
  });

  it('names the methods a kind switch left hidden on a link, instead of dropping them silently', () => {
    const warnings: string[] = [];
    const out = migrate2to3(
      v2([link('ab', 'rest', 'a', 'b', { rpcs: [{ name: 'Old', request: [], response: [] }] })]),
      warnings,
    );
    expect(warnings).toEqual([
      'The link a → b kept methods of another link kind from an earlier kind switch; they were not carried over.',
    ]);
    expect(out.links).toEqual([{ id: 'ab', kind: 'rest', source: 'a', target: 'b', topic: '' }]);
  });

  it('keeps notices short however long the names', () => {
    const long = 'n'.repeat(300);
    const warnings: string[] = [];
    migrate2to3(
      v2(
        [
          link('ab', 'grpc', 'a', 'b', { rpcs: [{ name: 'x', request: [f('a')], response: [] }] }),
          link('cb', 'grpc', 'c', 'b', { rpcs: [{ name: 'x', request: [f('b')], response: [] }] }),
        ],
        [node('a', 'go-nethttp'), { ...node('b', 'go-nethttp'), name: long }, node('c', 'go-nethttp')],
      ),
      warnings,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.length).toBeLessThan(200);
  });
});
