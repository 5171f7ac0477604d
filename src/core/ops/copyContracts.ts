import { ownerPackage } from '../model/packages';
import { isDesignTypeRef, type TypeRef } from '../model/typeRefs';
import type { Design, DesignNode, DesignType, ServiceApi } from '../model/types';
import { newId } from './ids';
import { typeUsages } from './usages';

/**
 * Copy and paste, and deletion, keep contracts whole: a copied service serves what its original
 * served (with its own ids and its own copies of the messages it owns), and the messages of a
 * deleted service that other contracts still use stay, in the package they had.
 */

/**
 * Gives the copied nodes (`idMap`: original id -> copy id) the API and channels of their
 * originals. Types the originals own are copied for the copies; other types they use are kept
 * by reference, and added from `available` when the design lacks them (a paste from another
 * design). Answers the new design and the new id of every copied RPC and endpoint.
 */
export function copyContracts(
  design: Design,
  originals: readonly DesignNode[],
  idMap: ReadonlyMap<string, string>,
  available: readonly DesignType[] = [],
): { design: Design; methodIds: Map<string, string> } {
  const methodIds = new Map<string, string>();
  const typeIds = new Map<string, string>();
  const have = new Set(design.types.map((t) => t.id));
  const pool = new Map([...available, ...design.types].map((t) => [t.id, t]));
  const added: DesignType[] = [];
  // the owned types of every original get new ids first, so references between them follow
  for (const t of pool.values()) if (t.owner !== undefined && idMap.has(t.owner)) typeIds.set(t.id, newId('t'));
  for (const t of pool.values())
    if (t.parent !== undefined && typeIds.has(t.parent) && !typeIds.has(t.id)) typeIds.set(t.id, newId('t'));
  const needed = new Set<string>();
  const ref = (r: TypeRef): TypeRef => {
    if (!isDesignTypeRef(r)) return r;
    const mapped = typeIds.get(r);
    if (mapped) return mapped;
    if (!have.has(r)) needed.add(r);
    return r;
  };
  for (const [from, to] of typeIds) {
    const t = pool.get(from);
    if (!t) continue;
    const copy: DesignType =
      t.kind === 'message'
        ? { ...structuredClone(t), id: to, fields: t.fields.map((f) => ({ ...f, type: ref(f.type) })) }
        : { ...structuredClone(t), id: to };
    if (t.owner !== undefined) copy.owner = idMap.get(t.owner) ?? t.owner;
    if (t.parent !== undefined) copy.parent = typeIds.get(t.parent) ?? t.parent;
    added.push(copy);
  }
  const nodes = design.nodes.map((n) => {
    const original = originals.find((o) => idMap.get(o.id) === n.id);
    if (!original) return n;
    const next: DesignNode = { ...n };
    if (original.api) next.api = copyApi(original.api, ref, methodIds);
    if (original.channels) next.channels = original.channels.map((c) => ({ ...c, message: ref(c.message) }));
    return next;
  });
  // types another design had, pasted here with the nodes that use them (and what they use)
  for (let i = 0; i < 1000 && needed.size > 0; i++) {
    const [id] = needed;
    if (id === undefined) break;
    needed.delete(id);
    const t = pool.get(id);
    if (!t || have.has(id)) continue;
    have.add(id);
    const { owner: _owner, ...rest } = structuredClone(t);
    const copy = rest as DesignType;
    if (copy.kind === 'message') copy.fields = copy.fields.map((f) => ({ ...f, type: ref(f.type) }));
    if (copy.parent !== undefined) ref(copy.parent);
    added.push(copy);
  }
  return { design: { ...design, nodes, types: [...design.types, ...added] }, methodIds };
}

function copyApi(api: ServiceApi, ref: (r: TypeRef) => TypeRef, ids: Map<string, string>): ServiceApi {
  const fresh = (prefix: string, old: string) => {
    const id = newId(prefix);
    ids.set(old, id);
    return id;
  };
  return {
    grpc: api.grpc.map((s) => ({
      ...structuredClone(s),
      id: newId('svc'),
      rpcs: s.rpcs.map((r) => ({ ...r, id: fresh('rpc', r.id), request: ref(r.request), response: ref(r.response) })),
    })),
    rest: api.rest.map((e) => ({
      ...structuredClone(e),
      id: fresh('ep', e.id),
      params: e.params.map((p) => ({ ...p, type: ref(p.type) })),
      ...(e.body ? { body: { ...e.body, type: ref(e.body.type) } } : {}),
      responses: e.responses.map((r) => (r.body ? { ...r, body: { ...r.body, type: ref(r.body.type) } } : { ...r })),
    })),
  };
}

/**
 * After nodes are deleted: the types they owned that nothing uses go with them; those still used
 * elsewhere stay, their package pinned to the one they had so their names do not move.
 */
export function releaseOwnedTypes(design: Design, removed: readonly DesignNode[]): Design {
  const byId = new Map(removed.map((n) => [n.id, n]));
  if (!design.types.some((t) => t.owner !== undefined && byId.has(t.owner))) return design;
  let types = design.types;
  // remove unused ones until nothing changes (a message may be used only by another one going)
  for (let changed = true; changed;) {
    changed = false;
    const d = { ...design, types };
    const keep = types.filter(
      (t) => !(t.owner !== undefined && byId.has(t.owner) && t.file === undefined && typeUsages(d, t.id).length === 0),
    );
    if (keep.length !== types.length) {
      types = keep;
      changed = true;
    }
  }
  types = types.map((t) => {
    const owner = t.owner === undefined ? undefined : byId.get(t.owner);
    if (!owner) return t;
    const { owner: _o, ...rest } = t;
    return { ...rest, package: t.package ?? ownerPackage(design.name, owner) } as DesignType;
  });
  return { ...design, types };
}
