import type { Field, FieldType, HttpMethod, LinkKind, NodeKind } from '../index';
import { addNode, connect, updateLink, updateNode } from '../ops/ops';
import { emptyDesign, type Design, type Endpoint, type Rpc } from '../model/types';

type FieldSpec = Record<string, FieldType>;

const fields = (spec: FieldSpec = {}): Field[] => Object.entries(spec).map(([name, type]) => ({ name, type }));

export interface LinkSpec {
  kind?: LinkKind;
  topic?: string;
  message?: FieldSpec;
  endpoints?: { method: HttpMethod; path: string; request?: FieldSpec; response?: FieldSpec }[];
  rpcs?: { name: string; request?: FieldSpec; response?: FieldSpec }[];
}

/**
 * A small fluent builder over the pure ops, so that a template or a test reads like the system
 * it describes. Every step goes through the same checks as an edit in the app and throws on a
 * refused one: a template that breaks a rule is a bug.
 */
export class DesignBuilder {
  private d: Design;
  private ids = new Map<string, string>();

  constructor(name: string) {
    this.d = emptyDesign(name);
  }

  node(
    name: string,
    kind: NodeKind,
    x: number,
    y: number,
    extra: { description?: string; replicas?: number } = {},
  ): this {
    const r = addNode(this.d, { kind, name, position: { x, y } });
    if (!r.ok) throw new Error(r.reason);
    this.d = r.design;
    this.ids.set(name, r.id);
    if (extra.description !== undefined || extra.replicas !== undefined) {
      const u = updateNode(this.d, r.id, extra);
      if (!u.ok) throw new Error(u.reason);
      this.d = u.design;
    }
    return this;
  }

  link(source: string, target: string, spec: LinkSpec = {}): this {
    const r = connect(this.d, { source: this.id(source), target: this.id(target), kind: spec.kind });
    if (!r.ok) throw new Error(`${source} → ${target}: ${r.reason}`);
    this.d = r.design;
    const patch: Parameters<typeof updateLink>[2] = {};
    if (spec.topic !== undefined) patch.topic = spec.topic;
    if (spec.message) patch.message = fields(spec.message);
    if (spec.endpoints)
      patch.endpoints = spec.endpoints.map((e): Endpoint => ({
        method: e.method,
        path: e.path,
        request: fields(e.request),
        response: fields(e.response),
      }));
    if (spec.rpcs)
      patch.rpcs = spec.rpcs.map((x): Rpc => ({
        name: x.name,
        request: fields(x.request),
        response: fields(x.response),
      }));
    const u = updateLink(this.d, r.id, patch);
    if (!u.ok) throw new Error(u.reason);
    this.d = u.design;
    return this;
  }

  /** Publisher → broker → each consumer, on one topic with one message shape. */
  queue(publisher: string, broker: string, consumers: string[], topic: string, message: FieldSpec): this {
    this.link(publisher, broker, { kind: 'queue', topic, message });
    for (const c of consumers) this.link(broker, c, { kind: 'queue', topic, message });
    return this;
  }

  id(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`No node named ${name}`);
    return id;
  }

  build(): Design {
    return this.d;
  }
}
