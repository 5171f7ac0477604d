import type { Design, DesignLink, Presentation } from '../model/types';

/**
 * The step-through of a presentation. Each step reveals one element: a node, or a link. A link is
 * a step of its own and always comes after both of its ends, so the presenter can talk about each
 * call or message flow separately instead of having several arrows appear at once.
 */
export interface PresentationStep {
  id: string;
  kind: 'node' | 'link' | 'boundary';
}

type Parts = Pick<Design, 'nodes' | 'links'> & { presentation?: Presentation; boundaries?: Design['boundaries'] };

/**
 * Adds a step for each boundary just before the first of its cards, so the presenter can name the
 * area before filling it; an empty boundary comes last. Boundaries follow their cards: the
 * presenter's order lists nodes and links only.
 */
function withBoundaries(design: Parts, steps: PresentationStep[]): PresentationStep[] {
  const boundaries = design.boundaries;
  if (!boundaries?.length) return steps;
  const first = new Map<string, string>();
  for (const b of boundaries) for (const m of b.members) if (!first.has(m)) first.set(m, b.id);
  const out: PresentationStep[] = [];
  const done = new Set<string>();
  for (const step of steps) {
    const b = step.kind === 'node' ? first.get(step.id) : undefined;
    if (b && !done.has(b)) {
      done.add(b);
      out.push({ id: b, kind: 'boundary' });
    }
    out.push(step);
  }
  for (const b of boundaries) if (!done.has(b.id)) out.push({ id: b.id, kind: 'boundary' });
  return out;
}

/**
 * Places ids in the order asked for, holding back a link until both of its ends are shown. Ids
 * that are not in the design, and repeats, are skipped.
 */
function place(design: Parts, ids: Iterable<string>, out: PresentationStep[] = []): PresentationStep[] {
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  const linkById = new Map(design.links.map((l) => [l.id, l]));
  const placed = new Set<string>();
  const waiting = new Map<string, DesignLink[]>();
  const shown = (id: string) => placed.has(id);

  const showLink = (l: DesignLink) => {
    if (placed.has(l.id)) return;
    placed.add(l.id);
    out.push({ id: l.id, kind: 'link' });
  };
  const ask = (id: string) => {
    if (placed.has(id)) return;
    if (nodeIds.has(id)) {
      placed.add(id);
      out.push({ id, kind: 'node' });
      for (const l of waiting.get(id) ?? []) if (shown(l.source) && shown(l.target)) showLink(l);
      waiting.delete(id);
      return;
    }
    const link = linkById.get(id);
    if (!link || !nodeIds.has(link.source) || !nodeIds.has(link.target)) return;
    if (shown(link.source) && shown(link.target)) return showLink(link);
    for (const end of [link.source, link.target]) {
      if (shown(end)) continue;
      const list = waiting.get(end);
      if (list) {
        if (!list.includes(link)) list.push(link);
      } else waiting.set(end, [link]);
    }
  };

  for (const id of ids) ask(id);
  // Whatever the order left out still appears: links first (they wait for their ends), then the
  // nodes in the order they were added, each bringing the links it completes.
  for (const l of design.links) ask(l.id);
  for (const n of design.nodes) ask(n.id);
  return out;
}

/**
 * The default order: nodes in the order they were added, each followed by the links its arrival
 * completes (in the order those links were added).
 */
export function defaultSteps(design: Parts): PresentationStep[] {
  return withBoundaries(design, place(design, []));
}

/**
 * The steps of a presentation: the presenter's order when there is one, repaired so that it
 * never hides anything (unknown and repeated ids are skipped, missing elements are appended, a
 * link never comes before its ends).
 */
export function presentationSteps(design: Parts): PresentationStep[] {
  return withBoundaries(design, place(design, design.presentation?.order ?? []));
}

/** The ids shown after `count` steps. */
export function revealed(steps: readonly PresentationStep[], count: number): Set<string> {
  return new Set(steps.slice(0, Math.max(0, count)).map((s) => s.id));
}

/**
 * Whether the step at `index` can swap places with the one before it. A link cannot move above
 * one of its own ends.
 */
export function canSwapWithPrevious(design: Parts, steps: readonly PresentationStep[], index: number): boolean {
  const a = steps[index - 1];
  const b = steps[index];
  if (!a || !b) return false;
  if (b.kind !== 'link') return true;
  const link = design.links.find((l) => l.id === b.id);
  return !link || (link.source !== a.id && link.target !== a.id);
}

/**
 * The order after moving the step at `index` one place up (-1) or down (+1), or null when that
 * move is not possible.
 */
export function moveStep(design: Parts, index: number, delta: -1 | 1): string[] | null {
  const steps = presentationSteps(design);
  const upper = delta === -1 ? index : index + 1;
  if (!canSwapWithPrevious(design, steps, upper)) return null;
  const ids = steps.map((s) => s.id);
  const a = ids[upper - 1]!;
  ids[upper - 1] = ids[upper]!;
  ids[upper] = a;
  return ids;
}

/**
 * The design with the presenter's order set, or removed when `order` is null (back to the order
 * of adding). Returns the same design when nothing changes.
 */
export function withPresentationOrder(design: Design, order: readonly string[] | null): Design {
  if (order === null) {
    if (!design.presentation) return design;
    const { presentation: _dropped, ...rest } = design;
    return rest;
  }
  const ids = place(design, order).map((s) => s.id);
  const current = design.presentation?.order;
  if (current && current.length === ids.length && current.every((id, i) => id === ids[i])) return design;
  return { ...design, presentation: { order: ids } };
}

/**
 * Drops ids of deleted elements from the presenter's order, so that a saved design never carries
 * a stale order. Returns the same design when nothing changes.
 */
export function pruneOrder(design: Design): Design {
  const order = design.presentation?.order;
  if (!order) return design;
  const ids = new Set<string>([...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)]);
  const kept = order.filter((id) => ids.has(id));
  if (kept.length === order.length) return design;
  if (kept.length === 0) return withPresentationOrder(design, null);
  return { ...design, presentation: { order: kept } };
}

/**
 * Repairs a presentation read from untrusted input against the design's elements. Unknown and
 * repeated ids are dropped with a warning; elements the order misses are appended, so a stale
 * order never hides anything. Returns undefined when nothing usable is left.
 */
export function repairPresentation(raw: unknown, design: Parts, warnings: string[]): Presentation | undefined {
  if (raw === undefined) return undefined;
  const order = typeof raw === 'object' && raw !== null ? (raw as { order?: unknown }).order : undefined;
  if (!Array.isArray(order)) {
    warnings.push('The presentation order was unreadable and was ignored; presenting uses the order of adding.');
    return undefined;
  }
  const known = new Set<string>([...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)]);
  const seen = new Set<string>();
  let unknown = 0;
  let repeated = 0;
  // More entries than elements can only be repeats or unknown ids: no need to read them all.
  const limit = known.size * 2 + 16;
  if (order.length > limit) unknown += order.length - limit;
  for (const id of order.slice(0, limit)) {
    if (typeof id !== 'string' || !known.has(id)) unknown++;
    else if (seen.has(id)) repeated++;
    else seen.add(id);
  }
  if (unknown > 0)
    warnings.push(
      `The presentation order named ${unknown} element${unknown === 1 ? '' : 's'} not in the design; ${unknown === 1 ? 'it was' : 'they were'} left out.`,
    );
  if (repeated > 0)
    warnings.push(
      `The presentation order listed ${repeated} element${repeated === 1 ? '' : 's'} more than once; only the first place was kept.`,
    );
  if (seen.size === 0) return undefined;
  return { order: place(design, seen).map((s) => s.id) };
}
