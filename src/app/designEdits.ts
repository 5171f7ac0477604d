import {
  RUNTIMES,
  allowedLinkKinds,
  connect,
  describeKind,
  isRuntime,
  topicName,
  updateChannel,
  updateLink,
  type Design,
  type DesignLink,
  type DesignNode,
  type LinkKind,
  type NodeKind,
  type OpResult,
  type XY,
} from '../core';

/**
 * Edits the editor needs on top of the core ops. They stay pure so the store and the tests share
 * them; anything here that turns out to be useful elsewhere belongs in core/ops.
 */

/**
 * Changes a link's kind. The link is rebuilt through `connect` so the new kind gets what a fresh
 * link would get (a starter endpoint or RPC on a target that serves none, a topic), keeping the
 * topic the user already gave it. Order and id stay, so the canvas does not reshuffle.
 */
export function switchLinkKind(design: Design, id: string, kind: LinkKind): OpResult {
  const index = design.links.findIndex((l) => l.id === id);
  const old = design.links[index];
  if (!old) return { ok: false, reason: 'That link no longer exists.' };
  if (old.kind === kind) return { ok: true, design };
  const without = { ...design, links: design.links.filter((l) => l.id !== id) };
  const r = connect(without, {
    source: old.source,
    target: old.target,
    kind,
    id,
    ...(old.topic ? { topic: old.topic } : {}),
  });
  if (!r.ok) return r;
  const links = [...without.links];
  links.splice(index, 0, r.link);
  return { ok: true, design: { ...r.design, links } };
}

/** The broker end of a queue link. */
function brokerOf(design: Design, link: DesignLink): string | undefined {
  const source = design.nodes.find((n) => n.id === link.source);
  if (!source) return undefined;
  return isRuntime(source.kind) ? link.target : link.source;
}

/**
 * The other queue links that meet this one on its broker and topic: its publishers and
 * subscribers. They must agree on the topic and the message, or the exported services would
 * publish where nobody listens.
 */
export function topicPartners(design: Design, id: string): DesignLink[] {
  const link = design.links.find((l) => l.id === id);
  if (!link || link.kind !== 'queue') return [];
  const broker = brokerOf(design, link);
  return design.links.filter(
    (l) => l.id !== id && l.kind === 'queue' && l.topic === link.topic && brokerOf(design, l) === broker,
  );
}

/**
 * Renames the topic of a queue link together with its partners: the broker's channel is renamed
 * (its message kept) and every link on it follows, so publishers and subscribers keep meeting.
 */
export function renameSharedTopic(design: Design, id: string, topic: string): OpResult {
  const link = design.links.find((l) => l.id === id);
  const broker = link && link.kind === 'queue' ? brokerOf(design, link) : undefined;
  if (!link || !broker) return { ok: false, reason: 'That queue link no longer exists.' };
  if (topic.trim() === '') return { ok: false, reason: 'A topic needs a name.' };
  const node = design.nodes.find((n) => n.id === broker);
  if (!(node?.channels ?? []).some((c) => topicName(c.topic) === topicName(link.topic)))
    return updateLink(design, id, { topic });
  return updateChannel(design, broker, link.topic, { topic });
}

/**
 * Why a node cannot switch to another kind, or null. A switch must keep every link of the node
 * valid, otherwise the next load would silently drop those links.
 */
export function kindSwitchProblem(design: Design, nodeId: string, kind: NodeKind): string | null {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return 'That node no longer exists.';
  if (node.kind === kind) return null;
  if (!isRuntime(node.kind) || !isRuntime(kind)) return 'Only a service can switch to another runtime.';
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  for (const l of design.links) {
    if (l.source !== nodeId && l.target !== nodeId) continue;
    const source = l.source === nodeId ? kind : byId.get(l.source)?.kind;
    const target = l.target === nodeId ? kind : byId.get(l.target)?.kind;
    if (!source || !target || allowedLinkKinds(source, target).includes(l.kind)) continue;
    const other = byId.get(l.source === nodeId ? l.target : l.source);
    return `${RUNTIMES[kind].label} cannot keep the ${l.kind.toUpperCase()} link with ${other?.name ?? 'another node'}; change that link first.`;
  }
  return null;
}

/** A card's size on the canvas before it is measured (the CSS card is 224 × 58). */
export const CARD = { width: 224, height: 58 } as const;
/** Room kept free around a card placed by freeSpot, so its links and labels can be seen. */
const CARD_GAP = 24;

// Offsets from the wanted spot in half-card steps, nearest first (ties: right and down first).
const SPIRAL: readonly XY[] = (() => {
  const out: XY[] = [];
  for (let i = -24; i <= 24; i++) for (let j = -24; j <= 24; j++) out.push({ x: i, y: j });
  const sx = (CARD.width + CARD_GAP) / 2;
  const sy = (CARD.height + CARD_GAP) / 2;
  const d = (p: XY) => Math.hypot(p.x * sx, p.y * sy);
  return out.sort((a, b) => d(a) - d(b) || b.x - a.x || b.y - a.y);
})();

/**
 * The free place nearest to `at` (a card's top-left corner) where a new card overlaps no other
 * card and keeps a small gap around it, so that added nodes never land on top of existing ones.
 */
export function freeSpot(design: Design, at: XY, size: { width: number; height: number } = CARD): XY {
  const p0 = { x: Math.round(at.x), y: Math.round(at.y) };
  const w = size.width + CARD_GAP;
  const h = size.height + CARD_GAP;
  const sx = (CARD.width + CARD_GAP) / 2;
  const sy = (CARD.height + CARD_GAP) / 2;
  // Only cards within reach of the search can be in the way.
  const reachX = 25 * sx + w;
  const reachY = 25 * sy + h;
  const near = design.nodes.filter(
    (n) => Math.abs(n.position.x - p0.x) < reachX && Math.abs(n.position.y - p0.y) < reachY,
  );
  const free = (x: number, y: number) =>
    !near.some((n) => Math.abs(n.position.x - x) < w && Math.abs(n.position.y - y) < h);
  for (const o of SPIRAL) {
    const x = Math.round(p0.x + o.x * sx);
    const y = Math.round(p0.y + o.y * sy);
    if (free(x, y)) return { x, y };
  }
  return p0;
}

/** The nodes among `ids`, and every link whose both ends are among them or that is itself listed. */
export function pickElements(design: Design, ids: readonly string[]): { nodes: DesignNode[]; links: DesignLink[] } {
  const set = new Set(ids);
  const nodes = design.nodes.filter((n) => set.has(n.id));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const links = design.links.filter((l) => nodeIds.has(l.source) && nodeIds.has(l.target));
  return { nodes, links };
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why an environment variable name cannot be used, or null. Mirrors what restore() keeps. */
export function envKeyProblem(key: string, otherKeys: readonly string[]): string | null {
  if (key.length === 0) return 'A variable needs a name.';
  if (!ENV_KEY.test(key)) return 'Use letters, digits and underscores, not starting with a digit.';
  if (key.length > 200) return 'Variable names are limited to 200 characters.';
  if (otherKeys.includes(key)) return `${key} is already set on this node.`;
  return null;
}

/** The next free variable name like VAR_1, VAR_2 … */
export function nextEnvKey(existing: readonly string[]): string {
  for (let i = 1; ; i++) if (!existing.includes(`VAR_${i}`)) return `VAR_${i}`;
}

/** A one-line description of a node for screen readers and tooltips. */
export function nodeSummary(node: DesignNode): string {
  return `${node.name}, ${describeKind(node.kind).label}, port ${node.port}`;
}
