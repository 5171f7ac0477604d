import { describe, expect, it } from 'vitest';
import { addNode, emptyDesign, type OpResult } from '../core';
import { areContractFiles, importContractFiles, summaryText } from './contractImport';
import { createDesignStore } from './store';

const PROTO = `syntax = "proto3";
package shop.v1;
message Money { string currency_code = 1; int64 units = 2; }
message Quote { Money total = 1; }
message Order { string id = 1; Money total = 2; }
service PricingService { rpc GetQuote(Order) returns (Quote); }
service OrdersService { rpc Place(Order) returns (Order); }
`;

function ok<T extends object>(r: OpResult<T>) {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('areContractFiles', () => {
  it('tells contracts from designs and compose files', () => {
    expect(areContractFiles([{ name: 'a.proto', text: '' }])).toBe(true);
    expect(areContractFiles([{ name: 'api.yaml', text: 'openapi: 3.1.0\ninfo: {}\n' }])).toBe(true);
    expect(areContractFiles([{ name: 'api.json', text: '{\n  "asyncapi": "3.0.0"\n}' }])).toBe(true);
    expect(areContractFiles([{ name: 'compose.yaml', text: 'services:\n  web: {image: nginx}\n' }])).toBe(false);
    expect(areContractFiles([{ name: 'my.json', text: '{"format":"polyglot-canvas/design"}' }])).toBe(false);
  });
});

describe('importContractFiles', () => {
  it('adds the services and types to the current design as one undo step', async () => {
    const start = ok(
      addNode(emptyDesign('mine'), { kind: 'go-nethttp', id: 'gw', name: 'gateway', position: { x: 0, y: 0 } }),
    ).design;
    const store = createDesignStore({ design: start });
    expect(await importContractFiles(store, [{ name: 'shop.proto', text: PROTO }], { makeWorker: null })).toBe(true);
    const d = store.getState().design;
    expect(d.name).toBe('mine');
    expect(d.nodes.map((n) => n.name)).toEqual(['gateway', 'pricing-service', 'orders-service']);
    expect(d.types.map((t) => t.name)).toEqual(['Money', 'Quote', 'Order']);
    expect(store.getState().notices.map((n) => n.title)).toEqual([
      'Imported shop.proto: 2 nodes, 2 gRPC services, 3 types added',
    ]);
    store.getState().undo();
    expect(store.getState().design).toEqual(start);
  });

  it('leaves the design as it was on a broken file, naming file, line and column', async () => {
    const start = emptyDesign('mine');
    const store = createDesignStore({ design: start });
    const broken = 'syntax = "proto3";\nmessage A {\n  string a = 1\n  int32 b = 2;\n}\n';
    expect(await importContractFiles(store, [{ name: 'a.proto', text: broken }], { makeWorker: null })).toBe(false);
    expect(store.getState().design).toBe(start);
    expect(store.getState().history.past).toHaveLength(0);
    const [notice] = store.getState().notices;
    expect(notice).toMatchObject({ tone: 'error', title: 'Could not import a.proto' });
    expect(notice?.details?.[0]).toMatch(/^a\.proto:4:3: /);
  });

  it('does not apply an import to a design that changed meanwhile', async () => {
    const store = createDesignStore({ design: emptyDesign('mine') });
    const running = importContractFiles(store, [{ name: 'shop.proto', text: PROTO }], { makeWorker: null });
    store.getState().renameProject('other');
    expect(await running).toBe(false);
    expect(store.getState().design.nodes).toEqual([]);
    expect(store.getState().notices.at(-1)?.title).toBe('Import of shop.proto not applied');
  });
});

describe('summaryText', () => {
  it('says what was added and updated', () => {
    const none = {
      typesAdded: 0,
      typesUpdated: 0,
      nodesAdded: 0,
      servicesAdded: 0,
      servicesUpdated: 0,
      endpointsAdded: 0,
      endpointsUpdated: 0,
      channelsAdded: 0,
      linksAdded: 0,
    };
    expect(summaryText(none)).toBe('nothing new (the design already had all of it)');
    expect(summaryText({ ...none, typesAdded: 1, typesUpdated: 2, servicesUpdated: 1 })).toBe(
      '1 type added; 1 gRPC service, 2 types updated',
    );
  });
});
