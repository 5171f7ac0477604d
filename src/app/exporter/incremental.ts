import { generateAsyncApi } from '../../core/generators/asyncapi';
import { composeSteps } from '../../core/generators/compose';
import { generateDocs } from '../../core/generators/docs';
import { helmSteps } from '../../core/generators/helm';
import { kubernetesSteps } from '../../core/generators/kubernetes';
import { runSteps, runStepsWithPauses, type Steps } from '../../core/steps';
import { openApiForService } from '../../core/generators/openapi';
import { assembleFiles, byPath, generateProject, keepsOwnContainer, stubContext } from '../../core/generators/project';
import { protoSteps } from '../../core/generators/proto';
import { placeholderStub } from '../../core/generators/stubs/placeholder';
import { STUBS } from '../../core/generators/stubs/registry';
import type { StubContext } from '../../core/generators/stubs/types';
import { sameData, type GeneratedFile, type TextMemo } from '../../core/generators/types';
import type { Design, DesignLink, DesignNode } from '../../core';
import { dnsLabel } from '../../core/model/naming';
import { wireServices, type ServiceWiring } from '../../core/model/wiring';
import { crc32, type ZipEntry } from '../../export/zip';

/**
 * The export worker's memory of its last export, so that an edit regenerates only what reads it.
 *
 * What is kept, and under which key:
 *
 * - **Each service's stub and OpenAPI document**, as zip entries (UTF-8 bytes and CRC-32, no
 *   text), under the service's *key*: everything they can read, written out in full. The stub of
 *   a service gets its design, its wiring and the .proto files of its context
 *   (`stubContext`); the OpenAPI document its design and wiring. From the design they read the
 *   project's own fields (name, types, boundaries …: all of them but the nodes, the links and the
 *   viewport) and, through the contracts and `serviceWiring`, the nodes and links its wiring
 *   reaches and the wirings of those nodes. So the key is: every design field but nodes, links
 *   and layout; the service's wiring with each node and link in it written as its whole content
 *   (position aside, as `sameExceptLayout` has it); the wiring of every other service its wiring
 *   names, written the same way; and the path and text of every .proto file in its context. Two
 *   keys are equal only when all of that is equal, so a hit is what a fresh generation writes.
 * - **Each node's Kubernetes file and Helm template** (`TextMemo`), in a slot of its file, with
 *   exactly what writing it reads: its objects (and, for the chart, each object's template fields
 *   and the node's DNS label). The objects themselves are made on every export (once for both:
 *   `nodeObjects`), but writing them as YAML, most of the cost, is skipped when they are the same
 *   data as last time (`sameData`: compared in place, nothing written out).
 * - **Each service's lines of compose.yaml** (`TextMemo`), in a slot of its name, with its entry:
 *   the entry is made on every export (it reads the neighbours' wirings, the port plan and the
 *   start order, all of the design), writing it as YAML is skipped when it is the same as last
 *   time.
 * - **Every other file's bytes and CRC-32** by its text (compose, Kubernetes, Helm, proto,
 *   AsyncAPI, README, Makefile): these generators read the whole design, so they run on every
 *   export; only the encoding and checksum of a text seen last time are skipped.
 *
 * Long contents (nodes, links, proto files) are written into keys as small numbers, each given to
 * one exact text (`intern`): equal numbers mean equal texts, with no hash to collide. The numbers
 * are never reused while the entries keyed by them are kept.
 *
 * Bounds: only the last export is kept (entries a new export does not use are dropped), and when
 * its bytes exceed `budgetBytes` (see `keptBudget`) nothing is kept at all, so the next export is
 * made in full. A new worker starts empty and makes its first export in full, and so does an edit
 * that every key reads (the project's name, a type): it is then only as fast as a fresh export.
 */
export class ExportCache {
  /** What is kept when the device's memory is not known: enough for 2,000 services. */
  static readonly BUDGET = 256 * 1024 * 1024;

  /** Node id → the key of its service and what it generated. */
  private services = new Map<string, { key: string; files: CachedFile[] }>();
  /** Text → its entry (bytes and CRC), for the whole-design generators' files of the last export. */
  private texts = new Map<string, Encoded>();
  /** Slot → data and text, for the per-node parts of the whole-design generators (`TextMemo`) of the last export. */
  private parts = new Map<string, Part>();
  private interned = new Map<string, number>();
  readonly budgetBytes: number;
  /** What the last export reused and made (for tests and the bench). */
  last = {
    services: 0,
    servicesReused: 0,
    textsReused: 0,
    texts: 0,
    partsReused: 0,
    parts: 0,
    keptBytes: 0,
    /** `parts` and `partsReused` by the generator that made them (`k8s`, `helm`, `compose`: the slot up to its `/`). */
    byKind: {} as Record<string, { parts: number; reused: number }>,
    ms: {} as Record<string, number>,
    /** Made by a plain generation, with no keys: the last design this large went over the budget. */
    plain: false,
  };
  /** The node count of the last design whose export went over the budget, if the last one did. */
  private overBudgetAt: number | null = null;

  constructor(budgetBytes = ExportCache.BUDGET) {
    this.budgetBytes = budgetBytes;
  }

  /** The number standing for one exact text. */
  intern(text: string): number {
    let n = this.interned.get(text);
    if (n === undefined) this.interned.set(text, (n = this.interned.size));
    return n;
  }

  /** Forgets everything: the next export is made in full. */
  clear(): void {
    this.services = new Map();
    this.texts = new Map();
    this.parts = new Map();
    this.interned = new Map();
  }

  /**
   * The zip entries of `generateProject(design)`, the same paths and bytes in the same order, and
   * the length of their text (as `string.length` counts, for the zip's choice to compress), made
   * from what the last export left where the keys allow.
   */
  entries(design: Design): Made {
    return runSteps(this.steps(design));
  }

  /**
   * `entries`, with `between()` asked between the steps of the work (each node's or service's part
   * of Compose, Kubernetes and Helm, each `.proto` file, AsyncAPI, each service's code): where it
   * answers a promise, the work waits for it. The export worker gives the page's input its core back this
   * way while it prepares an export in the background.
   */
  entriesWithPauses(design: Design, between: () => Promise<void> | undefined): Promise<Made> {
    return runStepsWithPauses(this.steps(design), between);
  }

  /** The work of `entries`, in steps: it yields between them. */
  private *steps(design: Design): Steps<Made> {
    // a design about as large as one that went over the budget would go over again: working out
    // its keys and parts would only double the work, so it is generated plainly
    if (this.overBudgetAt !== null && design.nodes.length >= this.overBudgetAt * 0.9) return this.plain(design);
    // the numbers grow with every edit: start again before the table gets large
    if (this.interned.size > 64 * (design.nodes.length + design.links.length) + 100_000) this.clear();
    const keys = new ServiceKeys(design, this);
    const services = new Map<string, { key: string; files: CachedFile[] }>();
    const texts = new Map<string, Encoded>();
    const stats = { services: 0, servicesReused: 0, textsReused: 0, texts: 0, partsReused: 0, parts: 0, keptBytes: 0 };
    let textLength = 0;
    let kept = 0;
    const encodeText = (content: string): Encoded => {
      let e = texts.get(content);
      if (e) return e;
      e = this.texts.get(content);
      if (e) stats.textsReused++;
      else e = encode(content);
      stats.texts++;
      texts.set(content, e);
      kept += e.raw.length + content.length;
      return e;
    };

    const parts = new Map<string, Part>();
    const byKind: Record<string, { parts: number; reused: number }> = {};
    const memo: TextMemo = {
      text: (slot, data, make) => {
        const now = parts.get(slot);
        if (now && sameData(now.data, data)) return now.text;
        const last = this.parts.get(slot);
        const kind = (byKind[slot.slice(0, slot.indexOf('/'))] ??= { parts: 0, reused: 0 });
        let text: string;
        if (last && sameData(last.data, data)) {
          text = last.text;
          stats.partsReused++;
          kind.reused++;
        } else text = make();
        stats.parts++;
        kind.parts++;
        parts.set(slot, { data, text });
        // the data is about as large as the text written from it
        kept += slot.length + 2 * text.length;
        return text;
      },
      data: (slot, data) => {
        const last = this.parts.get(slot);
        const kept = last && sameData(last.data, data) ? (last.data as typeof data) : data;
        parts.set(slot, { data: kept, text: '' });
        return kept;
      },
    };
    const ms: Record<string, number> = {};
    let tick = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      ms[name] = (ms[name] ?? 0) + now - tick;
      tick = now;
    };
    // a step's time leaves out the wait between steps
    const pause = function* (): Steps<void> {
      yield;
      tick = performance.now();
    };
    const rest: CachedFile[] = [];
    // Compose, Kubernetes and Helm in a step per service or node, proto per file; AsyncAPI in one
    const whole: [string, () => GeneratedFile[] | Steps<GeneratedFile[]>][] = [
      ['compose', () => composeSteps(design, memo)],
      ['kubernetes', () => kubernetesSteps(design, memo)],
      ['helm', () => helmSteps(design, memo)],
      ['proto', () => protoSteps(design)],
      ['asyncapi', () => generateAsyncApi(design)],
    ];
    for (const [name, generate] of whole) {
      const made = generate();
      let files: GeneratedFile[];
      if (Array.isArray(made)) files = made;
      else {
        let step = made.next();
        while (!step.done) {
          lap(name);
          yield* pause();
          step = made.next();
        }
        files = step.value;
      }
      for (const f of files) rest.push({ path: f.path, ...encodeText(f.content) });
      lap(name);
      yield* pause();
    }
    const wirings = wireServices(design);
    lap('wiring');
    for (const w of wirings) {
      lap('services');
      yield* pause();
      stats.services++;
      const key = keys.of(w, wirings);
      lap('keys');
      const known = this.services.get(w.node.id);
      let files: CachedFile[];
      if (known && known.key === key.text) {
        files = known.files;
        stats.servicesReused++;
      } else {
        const made = [openApiForService(design, w), ...serviceStub(design, w, key.context)];
        files = made.map((f) => ({ path: f.path, ...encode(f.content) }));
      }
      services.set(w.node.id, { key: key.text, files });
      kept += key.text.length;
      for (const f of files) {
        rest.push(f);
        kept += f.raw.length;
      }
    }
    lap('services');
    yield* pause();
    rest.sort(byPath);
    const docs = generateDocs(
      design,
      rest.map((f) => f.path),
    ).map((f) => ({ path: f.path, ...encode(f.content) }));
    const all = assembleFiles([...docs, ...rest]);
    for (const f of all) textLength += f.length;
    lap('docs');

    stats.keptBytes = kept;
    this.last = { ...stats, byKind, ms, plain: false };
    if (kept > this.budgetBytes) {
      this.clear();
      this.overBudgetAt = design.nodes.length;
    } else {
      this.overBudgetAt = null;
      this.services = services;
      this.texts = texts;
      this.parts = parts;
    }
    return { entries: all.map((f) => ({ path: f.path, raw: f.raw, crc: f.crc })), textLength };
  }

  /** The entries of a fresh `generateProject`, nothing kept. */
  private plain(design: Design): Made {
    const t0 = performance.now();
    let textLength = 0;
    const entries = generateProject(design).map((f) => {
      const e = encode(f.content);
      textLength += e.length;
      return { path: f.path, raw: e.raw, crc: e.crc };
    });
    const none = { services: 0, servicesReused: 0, textsReused: 0, texts: 0, partsReused: 0, parts: 0, keptBytes: 0 };
    this.last = { ...none, byKind: {}, ms: { plain: performance.now() - t0 }, plain: true };
    return { entries, textLength };
  }
}

/**
 * How many bytes the export worker keeps from one export to the next: an eighth of the device's
 * memory (`navigator.deviceMemory`, in GiB, which browsers round and Chromium caps at 8), from
 * 256 MiB up to 1 GiB, and 256 MiB where the browser does not say. What an export keeps is about
 * its text twice over (the bytes and the data or text they were made from: some 210 MB for 2,000
 * services, 520 MB for 5,000), so on a device of 8 GiB or more an edit of 5,000 services
 * regenerates only what it reaches instead of the whole project (docs/performance.md).
 */
export function keptBudget(deviceMemoryGiB: number | undefined): number {
  if (typeof deviceMemoryGiB !== 'number' || !Number.isFinite(deviceMemoryGiB) || deviceMemoryGiB <= 0)
    return ExportCache.BUDGET;
  const eighth = (deviceMemoryGiB * 1024 * 1024 * 1024) / 8;
  return Math.min(1024 * 1024 * 1024, Math.max(ExportCache.BUDGET, eighth));
}

/** The zip entries of a project and the length of their text. */
type Made = { entries: ZipEntry[]; textLength: number };

/** A text of a `TextMemo` slot and the data it was made from. */
interface Part {
  data: unknown;
  text: string;
}

interface Encoded {
  raw: Uint8Array;
  crc: number;
  /** Length of the text, in UTF-16 code units. */
  length: number;
}
type CachedFile = Encoded & { path: string };

const encoder = new TextEncoder();
function encode(content: string): Encoded {
  const raw = encoder.encode(content);
  return { raw, crc: crc32(raw), length: content.length };
}

/** `serviceFiles` for one service, with its context made once for both the key and the stub. */
function serviceStub(design: Design, w: ServiceWiring, ctx: StubContext): GeneratedFile[] {
  // an imported service runs its own image or builds its own context: no stub over it
  if (keepsOwnContainer(w.node)) return [];
  const stub = STUBS[w.runtime] ?? placeholderStub;
  const base = `services/${dnsLabel(w.node.name)}/`;
  return stub(ctx).map((f) => ({ path: base + f.path, content: f.content }));
}

/** Marks a string of the design's own so it cannot pass for a node, link or design written as a number. */
const MARK = '\u0000';

/** The keys of one design's services (see `ExportCache`). */
class ServiceKeys {
  private readonly nodes: Map<object, string>;
  private readonly links: Map<object, string>;
  private readonly global: string;
  private readonly wiringText = new Map<ServiceWiring, string>();
  private readonly replacer: (key: string, value: unknown) => unknown;

  constructor(
    private readonly design: Design,
    private readonly cache: ExportCache,
  ) {
    const replacer = (key: string, value: unknown): unknown => {
      if (typeof value === 'string') return value.startsWith(MARK) ? MARK + value : value;
      if (typeof value === 'number')
        return Number.isFinite(value) && !Object.is(value, -0) ? value : `${MARK}#${value}`;
      if (value === undefined) return value;
      if (typeof value !== 'object' || value === null) {
        if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
          throw new Error(`A service's key cannot hold a ${typeof value} (at ${key})`);
        return value;
      }
      if (value === this.design) return `${MARK}design`;
      const n = this.nodes.get(value) ?? this.links.get(value);
      if (n !== undefined) return n;
      if (value instanceof Map) return { [`${MARK}map`]: [...value] };
      if (value instanceof Set) return { [`${MARK}set`]: [...value] };
      return value;
    };
    this.replacer = replacer;
    // every field of the design but its nodes, links and layout
    this.global = `g${cache.intern(JSON.stringify({ ...design, nodes: null, links: null, viewport: null }, plain))}`;
    this.nodes = new Map(
      design.nodes.map((n: DesignNode) => [
        n,
        `${MARK}n${cache.intern(JSON.stringify({ ...n, position: null }, plain))}`,
      ]),
    );
    this.links = new Map(design.links.map((l: DesignLink) => [l, `${MARK}l${cache.intern(JSON.stringify(l, plain))}`]));
  }

  /** The text of a wiring, its nodes and links written as their numbers. */
  private wiring(w: ServiceWiring): string {
    let t = this.wiringText.get(w);
    if (t === undefined) {
      t = JSON.stringify(w, this.replacer);
      this.wiringText.set(w, t);
    }
    return t;
  }

  /** The key of a service's stub and OpenAPI document, and the stub's context. */
  of(w: ServiceWiring, all: readonly ServiceWiring[]): { text: string; context: StubContext } {
    const context = stubContext(this.design, w, all);
    const byId = this.byId(all);
    const parts = [this.global, this.wiring(w)];
    // the wirings of every node the service's wiring names
    const named = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) return v.forEach(walk);
      const node = v as Partial<DesignNode>;
      if (this.nodes.has(v) && typeof node.id === 'string') {
        named.add(node.id);
        return;
      }
      if (v === this.design || this.links.has(v)) return;
      for (const x of Object.values(v)) walk(x);
    };
    walk({ ...w, node: null, design: null });
    for (const id of [...named].sort()) {
      const other = byId.get(id);
      parts.push(other ? `${id}=${this.wiring(other)}` : `${id}=-`);
    }
    const proto = (f: GeneratedFile | null) =>
      f ? `${this.cache.intern(f.path)}:${this.cache.intern(f.content)}` : '-';
    parts.push(proto(context.ownProto));
    for (const t of context.targetProtos) parts.push(`${t.call.target.id}>${proto(t.file)}`);
    for (const f of context.contractProtos) parts.push(proto(f));
    return { text: parts.join('\n'), context };
  }

  private byIdMemo: Map<string, ServiceWiring> | null = null;
  private byId(all: readonly ServiceWiring[]): Map<string, ServiceWiring> {
    return (this.byIdMemo ??= new Map(all.map((w) => [w.node.id, w])));
  }
}

/** JSON of the design's own data: strings marked as in keys, numbers JSON cannot tell apart spelled out. */
function plain(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(MARK) ? MARK + value : value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : `${MARK}#${value}`;
  return value;
}
