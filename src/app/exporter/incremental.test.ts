import { describe, expect, it } from 'vitest';
import { benchDesign } from '../../../bench/designs';
import { loadFixture, fixtureNames } from '../../../test/fixtures/load';
import { scenarios } from '../../core/generators/compose/testDesigns';
import { generateProject } from '../../core/generators/project';
import { nodeObjects } from '../../core/generators/kubernetes/kubernetes';
import { composeDocument } from '../../core/generators/compose/compose';
import { protoLayout } from '../../core/generators/proto/layout';
import { connect, removeElements, renameProject, updateNode, type OpResult } from '../../core/ops/ops';
import type { Boundary, Design, DesignNode } from '../../core';
import { updateBoundary } from '../../core/ops/boundaries';
import { allowedLinkKinds, updateLink } from '../../core/ops/links';
import { zipEntriesOf } from '../../export/zip';
import { exportZip, keptExport } from './exportZip';
import { ExportCache, keptBudget } from './incremental';

/** mulberry32: the same edits on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const designs = (): [string, Design][] => [
  ...scenarios(),
  ...fixtureNames().map((n): [string, Design] => [n, loadFixture(n)]),
  ['bench 40', benchDesign(40)],
  ['bench 150', benchDesign(150, 3)],
];

type Edit = (d: Design, pick: <T>(xs: readonly T[]) => T | undefined) => [string, Design] | null;

const applied = (r: OpResult): Design | null => (r.ok ? r.design : null);

/** Edits a user makes, each touching one thing a generator reads. */
const EDITS: Edit[] = [
  (d, pick) => {
    const n = pick(d.nodes);
    const to = n && applied(updateNode(d, n.id, { name: `${n.name}-x` }));
    return n && to ? [`rename ${n.name}`, to] : null;
  },
  (d, pick) => {
    const n = pick(d.nodes);
    if (!n) return null;
    const env =
      n.env.length > 0 && n.env[0]
        ? [{ ...n.env[0], value: `${n.env[0].value}2` }, ...n.env.slice(1)]
        : [{ key: 'FEATURE_FLAG', value: 'on' }];
    const to = applied(updateNode(d, n.id, { env }));
    return to ? [`env of ${n.name}`, to] : null;
  },
  (d, pick) => {
    const n = pick(d.nodes);
    const to = n && applied(updateNode(d, n.id, { port: n.port === 18_080 ? 18_081 : 18_080 }));
    return n && to ? [`port of ${n.name}`, to] : null;
  },
  (d, pick) => {
    const l = pick(d.links);
    return l ? [`remove link ${l.id}`, removeElements(d, [l.id])] : null;
  },
  (d, pick) => {
    const a = pick(d.nodes);
    const b = pick(d.nodes);
    if (!a || !b || a === b) return null;
    const to = applied(connect(d, { source: a.id, target: b.id }));
    return to ? [`link ${a.name} → ${b.name}`, to] : null;
  },
  (d, pick) => {
    const n = pick(d.nodes);
    return n ? [`remove node ${n.name}`, removeElements(d, [n.id])] : null;
  },
  (d, pick) => {
    // a contract field: renamed in one of the design's messages
    const t = pick(d.types.filter((x) => x.kind === 'message' && x.fields.length > 0));
    if (!t || t.kind !== 'message') return null;
    const fields = t.fields.map((f, i) => (i === 0 ? { ...f, name: `${f.name}_x` } : f));
    return [`field of ${t.name}`, { ...d, types: d.types.map((x) => (x === t ? { ...t, fields } : x)) }];
  },
  (d, pick) => {
    // an endpoint's path
    const n = pick(d.nodes.filter((x) => (x.api?.rest.length ?? 0) > 0));
    const api = n?.api;
    const first = api?.rest[0];
    if (!n || !api || !first) return null;
    const node: DesignNode = {
      ...n,
      api: { ...api, rest: [{ ...first, path: `${first.path}/more` }, ...api.rest.slice(1)] },
    };
    return [`endpoint of ${n.name}`, { ...d, nodes: d.nodes.map((x) => (x === n ? node : x)) }];
  },
  (d, pick) => {
    // replicas: the Deployment, its budget and spread, and the chart's values read them
    const n = pick(d.nodes.filter((x) => x.replicas !== undefined));
    const to = n && applied(updateNode(d, n.id, { replicas: n.replicas === 3 ? 1 : 3 }));
    return n && to ? [`replicas of ${n.name}`, to] : null;
  },
  (d) => {
    const to = applied(renameProject(d, `${d.name} two`));
    return to ? ['rename the project', to] : null;
  },
  (d, pick) => {
    // a node moved into a Kubernetes namespace of its own: its objects, its peers' addresses
    // and policies, the secret copies and the namespaces the design uses all read that
    const n = pick(d.nodes);
    if (!n) return null;
    const others = (d.boundaries ?? []).map((b) => ({ ...b, members: b.members.filter((m) => m !== n.id) }));
    const boundary: Boundary = {
      id: `b-${n.id}`,
      name: `zone ${others.length + 1}`,
      kind: 'namespace',
      color: '#336699',
      position: { x: n.position.x - 20, y: n.position.y - 20 },
      width: 400,
      height: 300,
      members: [n.id],
    };
    return [
      `${n.name} into a namespace`,
      { ...d, boundaries: [...others.filter((b) => b.id !== boundary.id), boundary] },
    ];
  },
  (d, pick) => {
    // a namespace renamed: every node in it moves
    const b = pick((d.boundaries ?? []).filter((x) => x.kind === 'namespace'));
    const to = b && applied(updateBoundary(d, b.id, { name: `${b.name} renamed` }));
    return b && to ? [`namespace ${b.name} renamed`, to] : null;
  },
  (d, pick) => {
    // a queue link's topic: the broker's topics, its topic job and the consumers read it
    const l = pick(d.links.filter((x) => x.kind === 'queue'));
    const to = l && applied(updateLink(d, l.id, { topic: `${l.topic}-x` }));
    return l && to ? [`topic of ${l.id}`, to] : null;
  },
  (d, pick) => {
    // a link's kind, to another the connection rules allow (REST ↔ gRPC)
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const l = pick(
      d.links.filter((x) => {
        const s = byId.get(x.source);
        const t = byId.get(x.target);
        return s && t && allowedLinkKinds(s.kind, t.kind).some((k) => k !== x.kind);
      }),
    );
    const s = l && byId.get(l.source);
    const t = l && byId.get(l.target);
    const kind = s && t && allowedLinkKinds(s.kind, t.kind).find((k) => k !== l.kind);
    const to = l && kind && applied(updateLink(d, l.id, { kind }));
    return l && to ? [`kind of ${l.id} to ${kind}`, to] : null;
  },
];

const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const bytesOf = async (b: Blob): Promise<Uint8Array> => new Uint8Array(await b.arrayBuffer());

/** The cache's entries against a fresh generation, file by file. */
function expectSameFiles(cache: ExportCache, design: Design, what: string) {
  // the worker gets a copy of the design each time: nothing may hang on the objects' identity
  const mine = cache.entries(structuredClone(design)).entries;
  const fresh = zipEntriesOf(generateProject(structuredClone(design)));
  expect(
    mine.map((e) => e.path),
    what,
  ).toEqual(fresh.map((e) => e.path));
  const decoder = new TextDecoder();
  for (let i = 0; i < fresh.length; i++) {
    const a = mine[i];
    const b = fresh[i];
    if (!a || !b) throw new Error('unreachable');
    if (!bytesEqual(a.raw, b.raw)) expect(decoder.decode(a.raw), `${what}: ${b.path}`).toBe(decoder.decode(b.raw));
    expect(a.crc, `${what}: ${b.path}`).toBe(b.crc);
  }
}

describe('an export made from the last one (ExportCache)', () => {
  it('writes what a fresh generation writes, through random edits of designs of several sizes', () => {
    const rand = rng(16);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    let edits = 0;
    for (const [name, start] of designs()) {
      const cache = new ExportCache();
      let d = start;
      expectSameFiles(cache, d, `${name}, first export`);
      for (let step = 0; step < 6; step++) {
        const edit = pick(EDITS);
        const next = edit?.(d, pick);
        if (!next) continue;
        const [what, to] = next;
        d = to;
        edits++;
        expectSameFiles(cache, d, `${name}, after: ${what}`);
      }
    }
    expect(edits).toBeGreaterThan(40);
  }, 240_000);

  it('makes each kind of edit in turn, on a design with contracts', () => {
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    for (const fixture of fixtureNames()) {
      const cache = new ExportCache();
      let d = loadFixture(fixture);
      cache.entries(structuredClone(d));
      for (const edit of EDITS) {
        const next = edit(d, pick);
        if (!next) continue;
        d = next[1];
        expectSameFiles(cache, d, `${fixture}, after: ${next[0]}`);
      }
    }
  }, 240_000);

  it('regenerates only the services a rename reaches, and every one after the project is renamed', () => {
    const d = benchDesign(120);
    const cache = new ExportCache();
    cache.entries(structuredClone(d));
    expect(cache.last.servicesReused).toBe(0);
    const n = d.nodes[10] as DesignNode;
    const renamed = applied(updateNode(d, n.id, { name: `${n.name}-x` })) as Design;
    const touching = new Set(
      renamed.links.flatMap((l) => (l.source === n.id || l.target === n.id ? [l.source, l.target] : [])),
    );
    cache.entries(structuredClone(renamed));
    // the renamed service, the services it links to or from, and nothing else (they do not read it)
    expect(cache.last.services - cache.last.servicesReused).toBeLessThanOrEqual(Math.max(1, touching.size) + 0);
    expect(cache.last.servicesReused).toBeGreaterThan(100);
    // the nodes' Kubernetes files and chart templates are taken from the last export, but for
    // those the rename reaches
    expect(cache.last.partsReused).toBeGreaterThan(300);
    expect(cache.last.parts - cache.last.partsReused).toBeLessThan(60);
    // and so are the services' lines of compose.yaml: all but the renamed node's and those of the
    // nodes that wait for it or reach it by its name (their environment names it)
    const compose = cache.last.byKind.compose;
    expect(compose?.parts).toBeGreaterThanOrEqual(120);
    expect(compose?.reused).toBeGreaterThan(100);
    expect((compose?.parts ?? 0) - (compose?.reused ?? 0)).toBeGreaterThanOrEqual(1);
    expect((compose?.parts ?? 0) - (compose?.reused ?? 0)).toBeLessThanOrEqual(touching.size + 1);
    const project = applied(renameProject(renamed, 'another project')) as Design;
    expectSameFiles(cache, project, 'the project renamed');
    expect(cache.last.servicesReused).toBe(0);
  });

  it('waits where asked between its steps, and makes the same entries after a rename', async () => {
    const d = benchDesign(40);
    const asked = new ExportCache();
    let calls = 0;
    let release: (() => void) | null = null;
    const between = () => {
      calls++;
      // the tenth step waits until it is let go
      return calls === 10 ? new Promise<void>((r) => (release = r)) : undefined;
    };
    const made = asked.entriesWithPauses(structuredClone(d), between);
    let done = false;
    void made.then(() => (done = true));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(calls).toBe(10);
    expect(done).toBe(false);
    (release as (() => void) | null)?.();
    const first = await made;
    // A step after each generator of the whole design; in Compose, per node's dependencies, after
    // their order, per node's entry, after the document and per compose service; per node's objects (Kubernetes works them
    // out, Helm reads them again); per node's Kubernetes file and Helm template; per .proto file;
    // per service; and before the README.
    const perNode = nodeObjects(structuredClone(d)).length;
    expect(perNode).toBeGreaterThan(30);
    const composeServices = Object.keys(composeDocument(structuredClone(d)).services as object).length;
    expect(composeServices).toBeGreaterThanOrEqual(40);
    const protoFiles = protoLayout(structuredClone(d)).length;
    expect(protoFiles).toBeGreaterThan(5);
    const nodes = d.nodes.length;
    const compose = 2 * nodes + 1 + 1 + composeServices;
    expect(calls).toBe(5 + compose + nodes + 2 * perNode + protoFiles + 40 + 1);
    const plain = new ExportCache();
    const same = (a: { entries: { path: string; crc: number }[] }, b: typeof a) =>
      expect(a.entries.map((e) => [e.path, e.crc])).toEqual(b.entries.map((e) => [e.path, e.crc]));
    same(first, plain.entries(structuredClone(d)));
    const n = d.nodes[5] as DesignNode;
    const renamed = applied(updateNode(d, n.id, { name: `${n.name}-x` })) as Design;
    same(
      await asked.entriesWithPauses(structuredClone(renamed), () => undefined),
      plain.entries(structuredClone(renamed)),
    );
    expect(asked.last.servicesReused).toBeGreaterThan(30);
  });

  it('keeps an eighth of the device memory, from 256 MiB to 1 GiB, and 256 MiB where it is not known', () => {
    const MiB = 1024 * 1024;
    expect(keptBudget(undefined)).toBe(256 * MiB);
    expect(keptBudget(Number.NaN)).toBe(256 * MiB);
    expect(keptBudget(0)).toBe(256 * MiB);
    expect(keptBudget(0.5)).toBe(256 * MiB);
    expect(keptBudget(4)).toBe(512 * MiB);
    expect(keptBudget(8)).toBe(1024 * MiB);
    expect(keptBudget(64)).toBe(1024 * MiB);
    expect(keptExport(keptBudget(4)).files.budgetBytes).toBe(512 * MiB);
  });

  it('keeps nothing over its budget: the next export is made in full, the same', () => {
    const d = benchDesign(30);
    const cache = new ExportCache(1000);
    cache.entries(structuredClone(d));
    expect(cache.last.keptBytes).toBeGreaterThan(1000);
    expectSameFiles(cache, d, 'over the budget');
    expect(cache.last.servicesReused).toBe(0);
  });

  it('generates a design as large as one over its budget plainly, the same, and keys a smaller one again', () => {
    const d = benchDesign(30);
    const cache = new ExportCache(1000);
    cache.entries(structuredClone(d));
    expect(cache.last.plain).toBe(false);
    expectSameFiles(cache, d, 'as large as one over the budget');
    expect(cache.last.plain).toBe(true);
    const small = benchDesign(3);
    const roomy = new ExportCache(1000);
    roomy.entries(structuredClone(d));
    expectSameFiles(roomy, small, 'a smaller design');
    expect(roomy.last.plain).toBe(false);
  });

  it('takes the records of files a rename leaves alone from the last zip', async () => {
    const kept = keptExport();
    const d = benchDesign(60);
    await exportZip(1, structuredClone(d), kept);
    expect(kept.zip?.reusedBytes).toBe(0);
    const node = d.nodes[30];
    const r = node && updateNode(d, node.id, { name: `${node.name}-x` });
    if (!r?.ok) throw new Error('rename failed');
    const a = await exportZip(1, structuredClone(r.design), kept);
    if (!a.ok || !a.zip || !kept.zip) throw new Error('no zip');
    expect(kept.zip.reusedBytes).toBeGreaterThan(a.zip.size * 0.8);
    expect(kept.zip.reusedBytes).toBeLessThan(a.zip.size);
  });

  it('gives the zip of a fresh export, byte for byte, in a worker that kept the last one or a new one', async () => {
    const rand = rng(99);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    for (const [name, start] of [
      ['rich-contracts', loadFixture('rich-contracts')],
      ['bench 60', benchDesign(60)],
    ] as const) {
      let kept = keptExport();
      let d: Design = start;
      for (let step = 0; step < 8; step++) {
        const a = await exportZip(1, structuredClone(d), kept);
        const b = await exportZip(1, structuredClone(d));
        if (!a.ok || !b.ok) throw new Error(`${name}: ${a.ok ? '' : a.error} ${b.ok ? '' : b.error}`);
        // an edit that gives the design an error (two services on one host port): no zip, either way
        expect(a.issues, `${name}, step ${step}`).toEqual(b.issues);
        if (a.zip === null || b.zip === null) expect([a.zip, b.zip]).toEqual([null, null]);
        else {
          expect(bytesEqual(await bytesOf(a.zip), await bytesOf(b.zip)), `${name}, step ${step}`).toBe(true);
          expect(a.fileCount).toBe(b.fileCount);
        }
        // a worker started again has nothing kept
        if (step === 4) kept = keptExport();
        const next = pick(EDITS)?.(d, pick);
        if (next) d = next[1];
      }
    }
  }, 120_000);
});
