import { isBroker, isWorker, servesApi } from '../catalog/catalog';
import { PROTO_IDENT, isReservedWord } from '../model/naming';
import { isDesignTypeRef, type TypeRef } from '../model/typeRefs';
import type { Design, DesignNode, DesignType, ServiceApi } from '../model/types';
import { typeUsages } from './usages';

/** Helpers shared by the API and type edits: lookups and immutable replacement. */

export type Fail = { ok: false; reason: string };
export const fail = (reason: string): Fail => ({ ok: false, reason });

/** The node by id, when it may serve an API. */
export function apiNode(design: Design, nodeId: string): DesignNode | Fail {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return fail('That node no longer exists.');
  if (isWorker(node.kind))
    return fail(`${node.name} is a task worker: it serves no API, other services send it tasks through a queue.`);
  if (!servesApi(node.kind)) return fail(`${node.name} serves no API: only services and gateways do.`);
  return node;
}

/** The broker by id. */
export function brokerNode(design: Design, nodeId: string): DesignNode | Fail {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return fail('That node no longer exists.');
  if (!isBroker(node.kind)) return fail(`${node.name} is not a broker: only brokers have topics.`);
  return node;
}

export const isFail = (x: unknown): x is Fail =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/** The design with one node's API replaced. */
export function withApi(design: Design, node: DesignNode, api: ServiceApi): Design {
  const next: DesignNode = { ...node, api };
  return { ...design, nodes: design.nodes.map((n) => (n.id === node.id ? next : n)) };
}

/** The design with one node replaced. */
export function withNode(design: Design, node: DesignNode): Design {
  return { ...design, nodes: design.nodes.map((n) => (n.id === node.id ? node : n)) };
}

export const apiOf = (node: DesignNode): ServiceApi => node.api ?? { grpc: [], rest: [] };

/** The design with one type replaced (by id). */
export function withType(design: Design, type: DesignType): Design {
  return { ...design, types: design.types.map((t) => (t.id === type.id ? type : t)) };
}

/** A name the app gives messages, enums, services and RPCs: PascalCase, as buf's STANDARD lint wants. */
export function pascalNameProblem(name: string, what: string): string | null {
  if (name.trim() === '') return `A ${what} needs a name.`;
  if (name.length > 100) return 'Names are limited to 100 characters.';
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
    return `Write a ${what} name in PascalCase: a capital letter, then letters and digits (PlaceOrder).`;
  return null;
}

/** A field name made in the app: lower_snake_case, as buf's STANDARD lint wants. */
export function fieldNameProblem(name: string): string | null {
  if (name.trim() === '') return 'A field needs a name.';
  if (name.length > 100) return 'Names are limited to 100 characters.';
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name))
    return 'Write a field name in lower_snake_case: lower-case letters, digits and single underscores (order_id).';
  return null;
}

/** A parameter or oneof name: an identifier. */
export function identProblem(name: string, what: string): string | null {
  if (!PROTO_IDENT.test(name) || name.length > 100)
    return `A ${what} name is letters, digits and underscores, not starting with a digit.`;
  if (isReservedWord(name) && what === 'oneof') return `"${name}" is a reserved word in one of the stub languages.`;
  return null;
}

/** Whether a ref names a type of the design that exists, or a built-in. */
export function knownRef(design: Design, ref: TypeRef): boolean {
  return !isDesignTypeRef(ref) || design.types.some((t) => t.id === ref);
}

/** The kind a ref names: a scalar or well-known type, or the design type's kind. */
export function refKind(design: Design, ref: TypeRef): 'builtin' | 'message' | 'enum' | undefined {
  if (!isDesignTypeRef(ref)) return 'builtin';
  return design.types.find((t) => t.id === ref)?.kind;
}

/** Removes types the node owns that nothing uses any more (after a method using them went). */
export function dropUnusedOwned(design: Design, nodeId: string, candidates: readonly TypeRef[]): Design {
  let next = design;
  for (const id of new Set(candidates)) {
    const t = next.types.find((x) => x.id === id);
    if (!t || t.owner !== nodeId || t.file !== undefined || typeUsages(next, id).length > 0) continue;
    next = { ...next, types: next.types.filter((x) => x.id !== id) };
  }
  return next;
}

/** Drops method ids from the `uses` of the links to a node. */
export function forgetUses(design: Design, nodeId: string, ids: ReadonlySet<string>): Design {
  let changed = false;
  const links = design.links.map((l) => {
    if (l.target !== nodeId || !l.uses?.some((u) => ids.has(u))) return l;
    changed = true;
    return { ...l, uses: l.uses.filter((u) => !ids.has(u)) };
  });
  return changed ? { ...design, links } : design;
}
