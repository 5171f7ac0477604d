import {
  BOUNDARY_KINDS,
  type Boundary,
  type BoundaryKind,
  type Design,
  type StickyNote,
  type XY,
} from '../model/types';
import { newId, type OpResult } from './ids';

/**
 * Pure edits of boundaries (named areas that group cards) and sticky notes. A boundary's members
 * move with it; a card dragged into or out of it joins or leaves (`settleMembers`).
 */

/** A new boundary's size: room for two cards side by side with their link label. */
export const BOUNDARY_SIZE = { width: 600, height: 260 } as const;
/** The smallest a boundary can be made: one card and its name. */
export const BOUNDARY_MIN = { width: 260, height: 120 } as const;
/** Every note's size as the canvas draws it. */
export const NOTE_SIZE = { width: 200, height: 120 } as const;
export const NOTE_MAX = 2000;
export const BOUNDARY_NAME_MAX = 100;

/** The colours the inspector offers; the first is a new boundary's. */
export const BOUNDARY_COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#a855f7', '#64748b'] as const;

export const isColor = (v: unknown): v is string => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v);

/** A boundary's name is a text of 1 to 100 characters on one line. */
export function boundaryNameProblem(name: string): string | null {
  if (!name.trim()) return 'A boundary needs a name.';
  if (name.length > BOUNDARY_NAME_MAX) return `A boundary's name is at most ${BOUNDARY_NAME_MAX} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "A boundary's name is one line, without control characters.";
  return null;
}

/** A card's size on the canvas (`canvas.css`): a card belongs where its centre is. */
const CARD = { width: 224, height: 58 } as const;
const centre = (p: XY): XY => ({ x: p.x + CARD.width / 2, y: p.y + CARD.height / 2 });

function holds(b: Boundary, p: XY): boolean {
  return p.x >= b.position.x && p.x <= b.position.x + b.width && p.y >= b.position.y && p.y <= b.position.y + b.height;
}

/** The boundary a card at `position` falls in: the smallest one holding its centre. */
export function boundaryAt(boundaries: readonly Boundary[], position: XY): Boundary | undefined {
  const c = centre(position);
  let best: Boundary | undefined;
  for (const b of boundaries) if (holds(b, c) && (!best || b.width * b.height < best.width * best.height)) best = b;
  return best;
}

/** The boundary a node belongs to, if any. */
export function boundaryOf(design: Pick<Design, 'boundaries'>, nodeId: string): Boundary | undefined {
  return design.boundaries?.find((b) => b.members.includes(nodeId));
}

function nextBoundaryName(design: Design, kind: BoundaryKind): string {
  const base = BOUNDARY_KINDS[kind];
  const taken = new Set((design.boundaries ?? []).map((b) => b.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Adds a boundary with its top-left corner at `position`; the cards it covers join it. */
export function addBoundary(
  design: Design,
  args: { position: XY; kind?: BoundaryKind; name?: string; id?: string; width?: number; height?: number },
): OpResult<{ id: string }> {
  const kind = args.kind ?? 'context';
  const name = args.name ?? nextBoundaryName(design, kind);
  const problem = boundaryNameProblem(name);
  if (problem) return { ok: false, reason: problem };
  const boundary: Boundary = {
    id: args.id ?? newId('b'),
    name,
    kind,
    color: BOUNDARY_COLORS[(design.boundaries?.length ?? 0) % BOUNDARY_COLORS.length]!,
    position: { x: args.position.x, y: args.position.y },
    width: Math.max(BOUNDARY_MIN.width, args.width ?? BOUNDARY_SIZE.width),
    height: Math.max(BOUNDARY_MIN.height, args.height ?? BOUNDARY_SIZE.height),
    members: [],
  };
  const next = { ...design, boundaries: [...(design.boundaries ?? []), boundary] };
  return {
    ok: true,
    design: settleMembers(
      next,
      design.nodes.map((n) => n.id),
    ),
    id: boundary.id,
  };
}

export type BoundaryPatch = Partial<Pick<Boundary, 'name' | 'kind' | 'color' | 'width' | 'height'>>;

/** Changes a boundary's name, kind, colour or size; a resize lets the cards it now covers join. */
export function updateBoundary(design: Design, id: string, patch: BoundaryPatch): OpResult {
  const b = design.boundaries?.find((x) => x.id === id);
  if (!b) return { ok: false, reason: 'That boundary no longer exists.' };
  if (patch.name !== undefined) {
    const problem = boundaryNameProblem(patch.name);
    if (problem) return { ok: false, reason: problem };
  }
  if (patch.kind !== undefined && !Object.hasOwn(BOUNDARY_KINDS, patch.kind))
    return { ok: false, reason: `Unknown boundary kind ${JSON.stringify(patch.kind)}.` };
  if (patch.color !== undefined && !isColor(patch.color)) return { ok: false, reason: 'A colour is written #rrggbb.' };
  const next: Boundary = { ...b, ...patch };
  if (patch.width !== undefined) next.width = Math.max(BOUNDARY_MIN.width, Math.round(patch.width));
  if (patch.height !== undefined) next.height = Math.max(BOUNDARY_MIN.height, Math.round(patch.height));
  if (
    next.name === b.name &&
    next.kind === b.kind &&
    next.color === b.color &&
    next.width === b.width &&
    next.height === b.height
  )
    return { ok: true, design };
  const edited = { ...design, boundaries: design.boundaries!.map((x) => (x.id === id ? next : x)) };
  const resized = next.width !== b.width || next.height !== b.height;
  return {
    ok: true,
    design: resized
      ? settleMembers(
          edited,
          design.nodes.map((n) => n.id),
        )
      : edited,
  };
}

/**
 * Moves boundaries and notes; a moved boundary carries its members by the same offset (unless a
 * member is moved itself in the same call). Untouched objects keep their identity. Ids of nodes in
 * `moves` are left to `moveNodes`.
 */
export function moveAreas(design: Design, moves: ReadonlyMap<string, XY>): Design {
  const boundaries = design.boundaries;
  const notes = design.notes;
  if (!boundaries?.length && !notes?.length) return design;
  const carried = new Map<string, XY>();
  let changed = false;
  const nextBoundaries = boundaries?.map((b) => {
    const p = moves.get(b.id);
    if (!p || (p.x === b.position.x && p.y === b.position.y)) return b;
    changed = true;
    const dx = p.x - b.position.x;
    const dy = p.y - b.position.y;
    for (const m of b.members) if (!moves.has(m)) carried.set(m, { x: dx, y: dy });
    return { ...b, position: { x: p.x, y: p.y } };
  });
  const nextNotes = notes?.map((n) => {
    const p = moves.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  if (!changed) return design;
  const nodes =
    carried.size === 0
      ? design.nodes
      : design.nodes.map((n) => {
          const d = carried.get(n.id);
          return d ? { ...n, position: { x: n.position.x + d.x, y: n.position.y + d.y } } : n;
        });
  return {
    ...design,
    nodes,
    ...(nextBoundaries ? { boundaries: nextBoundaries } : {}),
    ...(nextNotes ? { notes: nextNotes } : {}),
  };
}

/**
 * Puts each of the given cards in the boundary that now holds its centre (the smallest one), or in
 * none: a card dragged into a boundary joins it, one dragged out leaves.
 */
export function settleMembers(design: Design, nodeIds: Iterable<string>): Design {
  const boundaries = design.boundaries;
  if (!boundaries?.length) return design;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const home = new Map<string, string | undefined>();
  for (const id of nodeIds) {
    const node = byId.get(id);
    if (node) home.set(id, boundaryAt(boundaries, node.position)?.id);
  }
  if (home.size === 0) return design;
  let changed = false;
  const next = boundaries.map((b) => {
    const kept = b.members.filter((m) => !home.has(m) || home.get(m) === b.id);
    const joined = [...home].filter(([id, at]) => at === b.id && !b.members.includes(id)).map(([id]) => id);
    if (kept.length === b.members.length && joined.length === 0) return b;
    changed = true;
    return { ...b, members: [...kept, ...joined] };
  });
  return changed ? { ...design, boundaries: next } : design;
}

/** Adds a sticky note with its top-left corner at `position`. */
export function addNote(design: Design, args: { position: XY; text?: string; id?: string }): OpResult<{ id: string }> {
  const note: StickyNote = {
    id: args.id ?? newId('note'),
    text: (args.text ?? '').slice(0, NOTE_MAX),
    position: { x: args.position.x, y: args.position.y },
  };
  return { ok: true, design: { ...design, notes: [...(design.notes ?? []), note] }, id: note.id };
}

/** Changes a note's text. */
export function updateNote(design: Design, id: string, text: string): OpResult {
  const note = design.notes?.find((n) => n.id === id);
  if (!note) return { ok: false, reason: 'That note no longer exists.' };
  if (text.length > NOTE_MAX) return { ok: false, reason: `A note holds at most ${NOTE_MAX} characters.` };
  if (note.text === text) return { ok: true, design };
  return { ok: true, design: { ...design, notes: design.notes!.map((n) => (n.id === id ? { ...n, text } : n)) } };
}

/**
 * Removes boundaries and notes by id, and drops removed nodes from every boundary's members. A
 * removed boundary leaves its cards where they are.
 */
export function removeAreas(design: Design, gone: ReadonlySet<string>): Design {
  let next = design;
  if (design.notes?.some((n) => gone.has(n.id))) {
    const notes = design.notes.filter((n) => !gone.has(n.id));
    next = { ...next, notes };
  }
  if (design.boundaries?.length) {
    let changed = false;
    const boundaries = design.boundaries.flatMap((b) => {
      if (gone.has(b.id)) {
        changed = true;
        return [];
      }
      const members = b.members.filter((m) => !gone.has(m));
      if (members.length === b.members.length) return [b];
      changed = true;
      return [{ ...b, members }];
    });
    if (changed) next = { ...next, boundaries };
  }
  return next;
}

/** Whether an id names a boundary or a note of the design. */
export function isArea(design: Design, id: string): boolean {
  return !!(design.boundaries?.some((b) => b.id === id) || design.notes?.some((n) => n.id === id));
}

/** The box around cards of a size, with room on each side (the name of a boundary sits in the top band). */
export function boxAround(
  cards: readonly { position: XY }[],
  card: { width: number; height: number },
  pad: { side: number; top: number; bottom: number },
): Pick<Boundary, 'position' | 'width' | 'height'> {
  const left = Math.min(...cards.map((c) => c.position.x)) - pad.side;
  const top = Math.min(...cards.map((c) => c.position.y)) - pad.top;
  const right = Math.max(...cards.map((c) => c.position.x + card.width)) + pad.side;
  const bottom = Math.max(...cards.map((c) => c.position.y + card.height)) + pad.bottom;
  return { position: { x: left, y: top }, width: right - left, height: bottom - top };
}

/** Room around the cards when a boundary is fitted to them: its name sits in the top band. */
const FIT_PAD = { side: 32, top: 48, bottom: 32 } as const;

/**
 * Fits every boundary that holds cards around them (after an auto-layout moved the cards), so each
 * boundary still draws around its members. Empty boundaries stay where they are.
 */
export function fitBoundaries(design: Design): Design {
  if (!design.boundaries?.length) return design;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  let changed = false;
  const boundaries = design.boundaries.map((b) => {
    const cards = b.members.flatMap((m) => byId.get(m) ?? []);
    if (cards.length === 0) return b;
    const box = boxAround(cards, CARD, FIT_PAD);
    const next = {
      ...b,
      position: box.position,
      width: Math.max(BOUNDARY_MIN.width, box.width),
      height: Math.max(BOUNDARY_MIN.height, box.height),
    };
    if (
      next.position.x === b.position.x &&
      next.position.y === b.position.y &&
      next.width === b.width &&
      next.height === b.height
    )
      return b;
    changed = true;
    return next;
  });
  return changed ? { ...design, boundaries } : design;
}

/** A name for a copy: the same name while it is free, else "name 2", "name 3" … within the limit. */
function copyName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) {
    const suffix = ` ${i}`;
    const candidate = name.slice(0, BOUNDARY_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Adds copies of boundaries and notes, moved by `offset`: each copied boundary holds the copies of
 * its members (`idMap` maps an original node's id to its copy's; members without a copy are left
 * out), keeps its kind and colour, and takes a free name. Returns the new ids.
 */
export function duplicateAreas(
  design: Design,
  boundaries: readonly Boundary[],
  notes: readonly StickyNote[],
  idMap: ReadonlyMap<string, string>,
  offset: XY,
): { design: Design; ids: string[] } {
  if (boundaries.length === 0 && notes.length === 0) return { design, ids: [] };
  const taken = new Set((design.boundaries ?? []).map((b) => b.name));
  const copiedMembers = new Set<string>();
  const newBoundaries = boundaries.map((b): Boundary => {
    const name = copyName(b.name, taken);
    taken.add(name);
    const members = b.members.flatMap((m) => idMap.get(m) ?? []).filter((m) => !copiedMembers.has(m));
    for (const m of members) copiedMembers.add(m);
    return {
      ...b,
      id: newId('b'),
      name,
      position: { x: b.position.x + offset.x, y: b.position.y + offset.y },
      members,
    };
  });
  const newNotes = notes.map((n): StickyNote => ({
    id: newId('note'),
    text: n.text,
    position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
  }));
  return {
    design: {
      ...design,
      ...(newBoundaries.length || design.boundaries
        ? { boundaries: [...(design.boundaries ?? []), ...newBoundaries] }
        : {}),
      ...(newNotes.length || design.notes ? { notes: [...(design.notes ?? []), ...newNotes] } : {}),
    },
    ids: [...newBoundaries.map((b) => b.id), ...newNotes.map((n) => n.id)],
  };
}
