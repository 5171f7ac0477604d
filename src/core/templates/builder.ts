import type { HttpMethod, LinkKind, NodeKind } from '../catalog/catalog';
import { addChannel, addEndpoint, addEnumValue, addField, addParam, addResponse, addRpc, addType } from '../ops/api';
import { addNode, connect, updateLink, updateNode, type OpResult } from '../ops/ops';
import { isScalar, isWellKnown, type TypeRef } from '../model/typeRefs';
import { emptyDesign, type Design, type MapKeyType, type MessageField, type NativeModule } from '../model/types';
import { labelTagSize, spreadForLabels } from '../layout/labelRoom';
import { CARD_SIZE } from '../generators/picture/geometry';
import { linkLabel } from '../generators/picture/style';

/**
 * Fields as a template writes them: name -> type, where a type is a scalar (`int64`), a
 * well-known type (`google.protobuf.Timestamp`) or a type of the design by name (`Money`), with
 * `repeated `, `optional ` or `map<key, …>` around it: `{ items: 'repeated LineItem' }`.
 */
export type FieldSpec = Record<string, string>;

export interface LinkSpec {
  kind?: LinkKind;
  topic?: string;
  /** The names of the target's RPCs or the `METHOD /path` of its endpoints the link uses (all by default). */
  uses?: string[];
}

export interface RpcSpec {
  request?: FieldSpec;
  response?: FieldSpec;
  clientStreaming?: boolean;
  serverStreaming?: boolean;
}

export interface EndpointSpec {
  /** The body's fields (POST, PUT, PATCH): a message `<Op>Request`. */
  request?: FieldSpec;
  /** The 200 answer's fields: a message `<Op>Response`. */
  response?: FieldSpec;
  /** Query parameters: name -> scalar or enum. */
  query?: Record<string, string>;
  /** Error answers with the problem+json shape, e.g. `['404']`. */
  errors?: string[];
}

const unwrap = <T extends object>(r: OpResult<T>, what: string): Extract<OpResult<T>, { ok: true }> => {
  if (!r.ok) throw new Error(`${what}: ${r.reason}`);
  return r;
};

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
    extra: { description?: string; replicas?: number; native?: NativeModule } = {},
  ): this {
    const r = unwrap(addNode(this.d, { kind, name, position: { x, y } }), name);
    this.d = r.design;
    this.ids.set(name, r.id);
    if (extra.description !== undefined || extra.replicas !== undefined || extra.native !== undefined)
      this.d = unwrap(updateNode(this.d, r.id, extra), name).design;
    return this;
  }

  /** A type reference of a spec's type word: a scalar, a well-known type or a design type by name. */
  ref(word: string): TypeRef {
    if (isScalar(word) || isWellKnown(word)) return word;
    const t = this.d.types.find((x) => x.name === word);
    if (!t) throw new Error(`No type named ${word}`);
    return t.id;
  }

  /** The fields of a spec, numbered 1, 2, … by the op that adds them. */
  fields(spec: FieldSpec = {}): Omit<MessageField, 'number'>[] {
    return Object.entries(spec).map(([name, text]) => {
      const map = /^map<\s*(\w+)\s*,\s*([\w.]+)\s*>$/.exec(text);
      if (map) return { name, type: this.ref(map[2] ?? ''), mapKey: map[1] as MapKeyType };
      const [label, word] = text.includes(' ') ? text.split(/\s+/) : [undefined, text];
      const f: Omit<MessageField, 'number'> = { name, type: this.ref(word ?? '') };
      if (label === 'repeated' || label === 'optional') f.label = label;
      return f;
    });
  }

  /** A message of the project's shared package (or of a node's, with `owner`). */
  message(name: string, spec: FieldSpec, owner?: string): this {
    this.d = unwrap(
      addType(this.d, {
        kind: 'message',
        name,
        fields: this.fields(spec),
        ...(owner ? { owner: this.id(owner) } : {}),
      }),
      name,
    ).design;
    return this;
  }

  /** A message nested in another (`Outer.Inner`); `parent` names the outer one. */
  nested(parent: string, name: string, spec: FieldSpec): this {
    this.d = unwrap(addType(this.d, { kind: 'message', name, parent: this.ref(parent), fields: [] }), name).design;
    const id = this.d.types[this.d.types.length - 1]?.id ?? '';
    for (const f of this.fields(spec)) this.d = unwrap(addField(this.d, id, f), `${name}.${f.name}`).design;
    return this;
  }

  /** An enum with its zero value `<NAME>_UNSPECIFIED` and these values (prefixed) after it, numbered 1, 2, … */
  enum(name: string, values: string[]): this {
    const r = unwrap(addType(this.d, { kind: 'enum', name }), name);
    this.d = r.design;
    for (const v of values) this.d = unwrap(addEnumValue(this.d, r.id, v), `${name}.${v}`).design;
    return this;
  }

  /** An RPC served by a node, with request and response messages of its own. */
  rpc(node: string, name: string, spec: RpcSpec = {}): this {
    this.d = unwrap(
      addRpc(this.d, this.id(node), {
        name,
        requestFields: this.fields(spec.request),
        responseFields: this.fields(spec.response),
        ...(spec.clientStreaming ? { clientStreaming: true } : {}),
        ...(spec.serverStreaming ? { serverStreaming: true } : {}),
      }),
      `${node}.${name}`,
    ).design;
    return this;
  }

  /** A REST endpoint served by a node. */
  endpoint(node: string, method: HttpMethod, path: string, spec: EndpointSpec = {}): this {
    const id = this.id(node);
    const r = unwrap(
      addEndpoint(this.d, id, {
        method,
        path,
        responseFields: this.fields(spec.response),
        requestFields: this.fields(spec.request),
      }),
      `${node} ${method} ${path}`,
    );
    this.d = r.design;
    for (const [name, type] of Object.entries(spec.query ?? {}))
      this.d = unwrap(addParam(this.d, id, r.id, { name, in: 'query', type: this.ref(type) }), name).design;
    for (const status of spec.errors ?? []) this.d = unwrap(addResponse(this.d, id, r.id, { status }), status).design;
    return this;
  }

  link(source: string, target: string, spec: LinkSpec = {}): this {
    const r = unwrap(
      connect(this.d, { source: this.id(source), target: this.id(target), kind: spec.kind, topic: spec.topic }),
      `${source} → ${target}`,
    );
    this.d = r.design;
    const patch: Parameters<typeof updateLink>[2] = {};
    if (spec.uses) {
      const api = this.d.nodes.find((n) => n.id === r.link.target)?.api;
      patch.uses = spec.uses.map((u) => {
        const m =
          api?.grpc.flatMap((s) => s.rpcs).find((x) => x.name === u) ??
          api?.rest.find((e) => `${e.method} ${e.path}` === u);
        if (!m) throw new Error(`${target} serves no ${u}`);
        return m.id;
      });
    }
    if (patch.uses) this.d = unwrap(updateLink(this.d, r.id, patch), `${source} → ${target}`).design;
    return this;
  }

  /** A broker's topic carrying a message of these fields (or of a named message). */
  topic(broker: string, topic: string, message: FieldSpec | string): this {
    const args =
      typeof message === 'string' ? { topic, message: this.ref(message) } : { topic, fields: this.fields(message) };
    this.d = unwrap(addChannel(this.d, this.id(broker), args), `${broker} ${topic}`).design;
    return this;
  }

  /** Publisher → broker → each consumer, on one topic with one message. */
  queue(publisher: string, broker: string, consumers: string[], topic: string, message: FieldSpec | string): this {
    this.topic(broker, topic, message);
    this.link(publisher, broker, { kind: 'queue', topic });
    for (const c of consumers) this.link(broker, c, { kind: 'queue', topic });
    return this;
  }

  id(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`No node named ${name}`);
    return id;
  }

  /**
   * Moves the cards apart where a link's label would not fit between the two cards it joins (see
   * `spreadForLabels`), keeping their order: a template is drawn as written, with room for every
   * label on the canvas and in pictures.
   */
  roomForLabels(): this {
    const kinds = new Map(this.d.nodes.map((n) => [n.id, n.kind]));
    const at = spreadForLabels(
      new Map(this.d.nodes.map((n) => [n.id, n.position])),
      this.d.links.map((l) => ({ ...l, label: labelTagSize(linkLabel(l, kinds.get(l.source))) })),
      { card: CARD_SIZE },
    );
    this.d = {
      ...this.d,
      nodes: this.d.nodes.map((n) => {
        const p = at.get(n.id)!;
        return p.x === n.position.x && p.y === n.position.y
          ? n
          : { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
      }),
    };
    return this;
  }

  build(): Design {
    return this.d;
  }
}
