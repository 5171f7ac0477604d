import type { TypeRef } from '../model/typeRefs';
import type { Design } from '../model/types';

/** One place a type is used, said the way the inspector shows it. */
export interface TypeUsage {
  /** e.g. `the field total of Order`, `the request of PlaceOrder on orders`. */
  where: string;
  /** The node to select to see it, when the use is on a node. */
  nodeId?: string;
  /** The type to open to see it, when the use is in a type. */
  typeId?: string;
}

/**
 * Every place a type is used: fields of messages (and as a nested type's parent), RPC requests
 * and responses, endpoint parameters, bodies and responses, and broker channels. In design order.
 */
export function typeUsages(design: Design, id: TypeRef): TypeUsage[] {
  const out: TypeUsage[] = [];
  for (const t of design.types) {
    if (t.id === id) continue;
    if (t.parent === id) out.push({ where: `the nested type ${t.name}`, typeId: t.id });
    if (t.kind !== 'message') continue;
    for (const f of t.fields) if (f.type === id) out.push({ where: `the field ${f.name} of ${t.name}`, typeId: t.id });
  }
  for (const n of design.nodes) {
    for (const s of n.api?.grpc ?? [])
      for (const r of s.rpcs) {
        if (r.request === id) out.push({ where: `the request of ${r.name} on ${n.name}`, nodeId: n.id });
        if (r.response === id) out.push({ where: `the response of ${r.name} on ${n.name}`, nodeId: n.id });
      }
    for (const e of n.api?.rest ?? []) {
      const op = `${e.method} ${e.path} on ${n.name}`;
      for (const p of e.params)
        if (p.type === id) out.push({ where: `the parameter ${p.name} of ${op}`, nodeId: n.id });
      if (e.body?.type === id) out.push({ where: `the body of ${op}`, nodeId: n.id });
      for (const r of e.responses)
        if (r.body?.type === id) out.push({ where: `the ${r.status} answer of ${op}`, nodeId: n.id });
    }
    for (const c of n.channels ?? [])
      if (c.message === id) out.push({ where: `the ${c.topic} messages on ${n.name}`, nodeId: n.id });
  }
  return out;
}

/** "a", "a and b", "a, b, c and 4 more". */
export function listUsages(usages: readonly TypeUsage[], max = 3): string {
  const names = usages.map((u) => u.where);
  if (names.length <= 1) return names.join('');
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
