import { describe, expect, it } from 'vitest';
import { addNode, connect } from '../ops/ops';
import { restore, restoreText, LIMITS, type RestoreResult } from './restore';
import { DESIGN_FORMAT, DESIGN_VERSION, emptyDesign, type Design } from './types';

function ok(r: RestoreResult): Extract<RestoreResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}

function fail(r: RestoreResult): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

function sample(): Design {
  let d = emptyDesign('shop');
  for (const [id, kind] of [
    ['a', 'python-fastapi'],
    ['b', 'go-nethttp'],
    ['k', 'kafka'],
  ] as const) {
    const r = addNode(d, { kind, id, name: id, position: { x: 1, y: 2 } });
    if (r.ok) d = r.design;
  }
  for (const [source, target, kind] of [
    ['a', 'b', 'rest'],
    ['a', 'b', 'grpc'],
    ['a', 'k', 'queue'],
    ['k', 'b', 'queue'],
  ] as const) {
    const r = connect(d, { source, target, kind, id: `${source}${target}${kind}` });
    if (r.ok) d = r.design;
  }
  return { ...d, nodes: d.nodes.map((n, i) => (i === 0 ? { ...n, env: [{ key: 'LOG_LEVEL', value: 'debug' }] } : n)) };
}

const head = { format: DESIGN_FORMAT, version: DESIGN_VERSION };

describe('restore: valid input', () => {
  it('round-trips a design through JSON unchanged, with no warnings', () => {
    const d = sample();
    expect(d.links).toHaveLength(4);
    const r = ok(restoreText(JSON.stringify(d)));
    expect(r.design).toEqual(d);
    expect(r.warnings).toEqual([]);
  });

  it('fills defaults for missing optional parts', () => {
    const r = ok(restore({ ...head, name: 'x', nodes: [{ id: 'n1', kind: 'redis', name: 'cache' }] }));
    expect(r.design.nodes[0]).toMatchObject({ position: { x: 0, y: 0 }, port: 8080, replicas: 1, env: [] });
    expect(r.design.links).toEqual([]);
    expect(r.design.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe('restore: migrations', () => {
  // Version 1 is the first shape, so the mechanism is tested with a table of our own: version 1
  // stored services under "services", version 2 renamed it to "nodes", version 3 added "links".
  const migrations = {
    1: (doc: Record<string, unknown>) => {
      const { services, ...rest } = doc;
      return { ...rest, nodes: services, version: 2 };
    },
    2: (doc: Record<string, unknown>) => ({ ...doc, links: doc.links ?? [], version: 3 }),
  };

  it('applies every step from the stored version to the current one, in order', () => {
    const old = {
      format: DESIGN_FORMAT,
      version: 1,
      name: 'old',
      services: [{ id: 'n1', kind: 'rust-axum', name: 'r' }],
    };
    const r = ok(restore(old, { migrations, currentVersion: 3 }));
    expect(r.design.name).toBe('old');
    expect(r.design.nodes.map((n) => n.kind)).toEqual(['rust-axum']);
    expect(r.design.version).toBe(DESIGN_VERSION);
    // a version-2 document only takes the second step
    const v2 = { format: DESIGN_FORMAT, version: 2, name: 'v2', nodes: [{ id: 'n1', kind: 'nats', name: 'bus' }] };
    expect(ok(restore(v2, { migrations, currentVersion: 3 })).design.nodes[0]?.name).toBe('bus');
  });

  it('says so when a step is missing', () => {
    const r = restore({ format: DESIGN_FORMAT, version: 1 }, { migrations: {}, currentVersion: 2 });
    expect(fail(r)).toMatch(/No migration from design version 1/);
  });

  it('reads the current version with the real table', () => {
    expect(restore({ ...head, nodes: [] }).ok).toBe(true);
  });
});

describe('restore: input that is not a design never throws and says why', () => {
  it.each([
    ['not JSON', '{nodes: [', /not valid JSON/],
    ['empty text', '', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['null', 'null', /expected a JSON object/],
    ['a number', '42', /expected a JSON object/],
    ['a foreign format', '{"format":"excalidraw","version":2}', /"format" is "excalidraw"/],
    ['no format', '{"nodes":[]}', /"format" is "missing"/],
    ['a future version', `{"format":"${DESIGN_FORMAT}","version":99}`, /newer Polyglot Canvas \(format version 99/],
    ['a broken version', `{"format":"${DESIGN_FORMAT}","version":"1"}`, /no valid version/],
    ['version 0', `{"format":"${DESIGN_FORMAT}","version":0}`, /no valid version/],
    ['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000), /./],
  ])('%s', (_label, text, message) => {
    let r: RestoreResult | undefined;
    expect(() => (r = restoreText(text))).not.toThrow();
    expect(r?.ok).toBe(false);
    expect(r && fail(r)).toMatch(message);
  });
});

describe('restore: repairs what it can and reports the rest', () => {
  it('drops nodes with bad kinds, ids and duplicates, renames clashing names', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [
          { id: 'a', kind: 'go-nethttp', name: 'orders' },
          { id: 'b', kind: 'cobol', name: 'legacy' },
          { id: 'a', kind: 'go-nethttp', name: 'dup-id' },
          { kind: 'go-nethttp', name: 'no-id' },
          'not an object',
          { id: 'c', kind: 'go-nethttp', name: 'Orders' },
          { id: 'd', kind: 'redis', name: '名前' },
          { id: 'e', kind: 'redis', name: 'x\ny' },
        ],
      }),
    );
    expect(r.design.nodes.map((n) => [n.id, n.name])).toEqual([
      ['a', 'orders'],
      ['c', 'go-nethttp-6'],
      ['d', 'redis-7'],
      ['e', 'redis-8'],
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/Node 2 has an unknown kind "cobol"/),
      expect.stringMatching(/Node 3 had a missing or repeated id/),
      expect.stringMatching(/Node 4 had a missing or repeated id/),
      expect.stringMatching(/Node 5 was "not an object", not an object/),
      'Node 6 was named "Orders" and was renamed to "go-nethttp-6": Another node already has this name (or one that becomes the same DNS or package name).',
      expect.stringMatching(/Node 7 .* renamed to "redis-7"/),
      expect.stringMatching(/Node 8 .* renamed to "redis-8"/),
    ]);
  });

  it('drops links to missing nodes, self links, bad kinds and refused kinds', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [
          { id: 'a', kind: 'go-nethttp', name: 'a' },
          { id: 'p', kind: 'postgres', name: 'pg' },
        ],
        links: [
          { id: 'l1', kind: 'database', source: 'a', target: 'p' },
          { id: 'l2', kind: 'rest', source: 'a', target: 'ghost' },
          { id: 'l3', kind: 'rest', source: 'a', target: 'a' },
          { id: 'l4', kind: 'telepathy', source: 'a', target: 'p' },
          { id: 'l5', kind: 'grpc', source: 'a', target: 'p' },
          { id: 'l1', kind: 'database', source: 'a', target: 'p' },
          { id: 'a', kind: 'database', source: 'a', target: 'p' },
          7,
        ],
      }),
    );
    expect(r.design.links.map((l) => l.id)).toEqual(['l1']);
    expect(r.warnings).toEqual([
      'Link 2 (from "a" to "ghost") did not connect two nodes of the design and was dropped.',
      'Link 3 (from "a" to "a") did not connect two nodes of the design and was dropped.',
      'Link 4 from a to pg had an unknown kind "telepathy" and was dropped.',
      expect.stringMatching(/Link from a to pg was dropped: gRPC calls go to a service/),
      expect.stringMatching(/Link 6 had a missing or repeated id/),
      expect.stringMatching(/Link 7 had a missing or repeated id/),
      'Link 8 was 7, not an object, and was dropped.',
    ]);
  });

  it('resets bad scalars: ports, replicas, positions, viewport, env keys, field types', () => {
    const r = ok(
      restore({
        ...head,
        version: 2,
        name: 'bad\nname',
        viewport: { x: 1, y: 2, zoom: -1 },
        nodes: [
          {
            id: 'a',
            kind: 'go-nethttp',
            name: 'a',
            port: 99999,
            grpcPort: 'x',
            replicas: 1e9,
            position: { x: 1e12, y: 'y' },
            env: [{ key: 'OK', value: 'v' }, { key: 'bad key', value: 'v' }, { key: 'NOVALUE' }, null],
          },
          { id: 'b', kind: 'go-nethttp', name: 'b' },
        ],
        links: [
          {
            id: 'l',
            kind: 'rest',
            source: 'a',
            target: 'b',
            endpoints: [{ method: 'TRACE', path: '/x', response: [{ name: 'n', type: 'date' }, { type: 'int' }] }, {}],
          },
        ],
      }),
    );
    expect(r.design.name).toBe('my-system');
    expect(r.design.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(r.design.nodes[0]).toMatchObject({ port: 8080, grpcPort: 50051, replicas: 1, position: { x: 1e6, y: 0 } });
    expect(r.design.nodes[0]?.env).toEqual([
      { key: 'OK', value: 'v' },
      { key: 'NOVALUE', value: '' },
    ]);
    // version 2's endpoint on the link became b's, its unknown method GET, its unknown field type string
    const b = r.design.nodes[1];
    expect(b?.api?.rest.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /x']);
    const answer = r.design.types.find((t) => t.id === b?.api?.rest[0]?.responses[0]?.body?.type);
    expect(answer).toMatchObject({ kind: 'message', fields: [{ number: 1, name: 'n', type: 'string' }] });
    expect(r.design.links[0]?.uses).toEqual([b?.api?.rest[0]?.id]);
    // every change names the place, the old value and the new one
    expect(r.warnings).toEqual([
      // version 2's link contents are repaired by the migration to version 3, and said so first
      'The method of the endpoint "/x" of the REST link a → b was "TRACE"; it is now GET.',
      'The response of GET "/x" of the REST link a → b: 1 field was dropped: entry 2 (its name nothing is not a text).',
      'The response of GET "/x" of the REST link a → b: 1 field had an unknown type and became a string: n (was "date").',
      'The REST link a → b: endpoint 2 was dropped: its path nothing is not a text.',
      'The project name "bad\\nname" was unusable (it holds a control character or line break) and was reset to "my-system".',
      'The saved view (position and zoom) was unreadable; the design opens at the start view.',
      'The position of a was (1000000000000, "y"); it is now (1000000, 0) (coordinates are numbers from -1,000,000 to 1,000,000).',
      'The port of a was 99999, not a port from 1 to 65535; it is now 8080.',
      'The gRPC port of a was "x", not a port from 1 to 65535; it is now 50051.',
      'The replica count of a was 1000000000, not a whole number from 0 to 100; it is now 1.',
      'a: 2 environment entries were dropped: "bad key" (not a variable name: letters, digits and _, not starting with a digit) and entry 4 (null, not an object).',
    ]);
  });

  it('reports every other repair too: texts that are not texts, cut or broken, env values that are not texts', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [
          {
            id: 'a',
            kind: 'go-nethttp',
            name: 'a',
            description: 42,
            env: [
              { key: 'N', value: 5 },
              { key: 'B', value: true },
              { key: 'O', value: { x: 1 } },
              { key: 'S', value: 'x\ud800y' },
              { key: 'L', value: 'v'.repeat(5000) },
            ],
          },
          { id: 'k', kind: 'kafka', name: 'k', grpcPort: 70000 },
        ],
        links: [{ id: 'l', kind: 'queue', source: 'a', target: 'k', topic: 7 }],
      }),
    );
    const [a] = r.design.nodes;
    expect(a?.description).toBe('');
    expect(a?.env).toEqual([
      { key: 'N', value: '5' },
      { key: 'B', value: 'true' },
      { key: 'O', value: '' },
      { key: 'S', value: 'x\ufffdy' },
      { key: 'L', value: 'v'.repeat(4000) },
    ]);
    expect(r.warnings).toEqual([
      'The value of S on a held a broken character (an unpaired UTF-16 surrogate); it was replaced by U+FFFD.',
      `The value of L on a was 5000 characters long ("${'v'.repeat(30)}…"); it was cut to 4000.`,
      'a: 3 environment values were not a text and were changed: N from 5 to "5", B from true to "true" and O from an object to "".',
      'The description of a was 42, not a text; it is now "".',
      'The gRPC port of k was 70000, not a port from 1 to 65535 (or 0); it is now 0.',
      'The topic of the queue link a → k was 7, not a text; it is now "".',
    ]);
  });

  it('bounds its messages: many repairs of one kind make one line, and the list ends with a count', () => {
    const env = Array.from({ length: 150 }, (_, i) => ({ key: `${i}BAD`, value: 'x' }));
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      id: `n${i}`,
      kind: 'redis',
      name: `r${i}`,
      port: 1e6,
      env,
    }));
    const r = ok(restore({ ...head, nodes }));
    expect(r.warnings).toHaveLength(61);
    expect(r.warnings[1]).toBe(
      'r0: 150 environment entries were dropped: "0BAD" (not a variable name: letters, digits and _, not starting with a digit), "1BAD" (not a variable name: letters, digits and _, not starting with a digit), "2BAD" (not a variable name: letters, digits and _, not starting with a digit) and 147 more.',
    );
    expect(r.warnings[60]).toBe('…and 140 more repairs like these.');
  });

  it('caps huge arrays, quickly', () => {
    const nodes = Array.from({ length: LIMITS.nodes + 100 }, (_, i) => ({
      id: `n${i}`,
      kind: 'nats',
      name: `bus ${i}`,
    }));
    const links = Array.from({ length: LIMITS.links + 5 }, (_, i) => ({
      id: `l${i}`,
      kind: 'rest',
      source: 'x',
      target: 'y',
    }));
    const fields = Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}`, type: 'int' }));
    const t0 = Date.now();
    const r = ok(restore({ ...head, nodes: [...nodes.slice(0, 2), ...nodes.slice(2)], links }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.design.nodes).toHaveLength(LIMITS.nodes);
    expect(r.warnings).toContain(
      `The list of nodes had ${LIMITS.nodes + 100} entries; only the first ${LIMITS.nodes} were kept.`,
    );
    expect(r.warnings).toContain(
      `The list of links had ${LIMITS.links + 5} entries; only the first ${LIMITS.links} were kept.`,
    );
    const withFields = ok(
      restore({
        ...head,
        nodes: [
          { id: 'a', kind: 'go-nethttp', name: 'a' },
          { id: 'k', kind: 'kafka', name: 'k' },
        ],
        links: [{ id: 'l', kind: 'queue', source: 'a', target: 'k', topic: 't'.repeat(5000), message: fields }],
        version: 2,
      }),
    );
    const channel = withFields.design.nodes[1]?.channels?.[0];
    const message = withFields.design.types.find((t) => t.id === channel?.message);
    expect(message?.kind === 'message' && message.fields).toHaveLength(LIMITS.fieldsPerList);
    expect(withFields.design.links[0]?.topic.length).toBe(200);
  });

  it('is not fooled by prototype-pollution keys', () => {
    const text = `{"format":"${DESIGN_FORMAT}","version":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},
      "nodes":[{"id":"__proto__","kind":"__proto__","name":"x"},{"id":"constructor","kind":"toString","name":"y"},
               {"id":"hasOwnProperty","kind":"redis","name":"__proto__","__proto__":{"port":1}}],
      "links":[{"id":"__proto__","kind":"__proto__","source":"hasOwnProperty","target":"hasOwnProperty"}]}`;
    const r = ok(restoreText(text));
    expect(r.design.nodes.map((n) => [n.id, n.kind, n.name, n.port])).toEqual([
      ['hasOwnProperty', 'redis', '__proto__', 8080],
    ]);
    expect(r.design.links).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('gives a clear message for a huge version number or a non-integer one', () => {
    expect(fail(restore({ ...head, version: Number.MAX_SAFE_INTEGER }))).toMatch(/newer/);
    expect(fail(restore({ ...head, version: 1.5 }))).toMatch(/no valid version/);
  });
});

describe('restore: presentation order', () => {
  const order = ['k', 'a', 'akqueue', 'b', 'kbqueue', 'abrest', 'abgrpc'];

  it('keeps a valid order as it is, with no warnings', () => {
    const d = { ...sample(), presentation: { order } };
    const r = ok(restoreText(JSON.stringify(d)));
    expect(r.design.presentation).toEqual({ order });
    expect(r.design).toEqual(d);
    expect(r.warnings).toEqual([]);
  });

  it('drops unknown and repeated ids with a warning and appends what the order misses', () => {
    const d = { ...sample(), presentation: { order: ['ghost', 'b', 'b', 'abrest', 42, 'a'] } };
    const r = ok(restore(JSON.parse(JSON.stringify(d))));
    // abrest waits for both ends; the rest follows in the order of adding
    expect(r.design.presentation?.order).toEqual(['b', 'a', 'abrest', 'abgrpc', 'k', 'akqueue', 'kbqueue']);
    expect(r.warnings).toEqual([
      'The presentation order named 2 elements not in the design; they were left out.',
      'The presentation order listed 1 element more than once; only the first place was kept.',
    ]);
  });

  it('ignores an order of a shape it cannot read, and keeps the rest of the design', () => {
    for (const presentation of ['k,a', { order: 'k' }, null, [], { order: { 0: 'a' } }]) {
      const r = ok(restore({ ...sample(), presentation }));
      expect(r.design.presentation).toBeUndefined();
      expect(r.design.nodes).toHaveLength(3);
      expect(r.warnings).toEqual([
        'The presentation order was unreadable and was ignored; presenting uses the order of adding.',
      ]);
    }
  });

  it('drops an order that names nothing of the design, and a huge hostile one quickly', () => {
    const stale = ok(restore({ ...sample(), presentation: { order: ['x', 'y'] } }));
    expect(stale.design.presentation).toBeUndefined();
    expect(stale.warnings).toHaveLength(1);
    const huge = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 ? 'a' : `n${i}`));
    const started = Date.now();
    const r = ok(restore({ ...sample(), presentation: { order: huge } }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.design.presentation?.order[0]).toBe('a');
    expect(r.design.presentation?.order).toHaveLength(7);
  });

  it('leaves a design without an order without one', () => {
    const r = ok(restore(JSON.parse(JSON.stringify(sample()))));
    expect('presentation' in r.design).toBe(false);
  });
});
