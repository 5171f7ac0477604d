import type { Node } from '@xyflow/react';
import { NOTE_SIZE, boxAround, type Boundary, type BoundaryKind, type DesignNode, type StickyNote } from '../../core';

/**
 * Boundaries and sticky notes as React Flow nodes. A boundary is drawn behind every card and link
 * (a low z-index that stays below the cards even when it is selected); only its title bar takes the
 * pointer, so the pane inside it still pans and selects. Like the cards, an object is replaced only
 * when what it shows changed, and a design without boundaries or notes costs nothing here.
 */

export interface BoundaryData extends Record<string, unknown> {
  name: string;
  kind: BoundaryKind;
  color: string;
}
export type BoundaryFlowNode = Node<BoundaryData, 'boundary'>;

export interface NoteData extends Record<string, unknown> {
  text: string;
}
export type NoteFlowNode = Node<NoteData, 'note'>;

export type AreaFlowNode = BoundaryFlowNode | NoteFlowNode;

/** Below every card, selected or not (React Flow lifts a selected node by 1000). */
const BOUNDARY_Z = -2000;
const NOTE_MEASURED = { width: NOTE_SIZE.width, height: NOTE_SIZE.height };
const NO_AREAS: AreaFlowNode[] = [];

/** Room around the presenter's larger cards when a boundary is drawn around them. */
const PRESENT_PAD = { side: 36, top: 56, bottom: 36 };

/**
 * Where the presenter draws a boundary: around its cards as the presenter places them (its layout
 * is grown for larger cards), or where it is when it holds none.
 */
function presentedBox(
  b: Boundary,
  placed: ReadonlyMap<string, DesignNode>,
  card: { width: number; height: number },
): Pick<Boundary, 'position' | 'width' | 'height'> {
  const cards = b.members.flatMap((m) => placed.get(m) ?? []);
  return cards.length === 0 ? b : boxAround(cards, card, PRESENT_PAD);
}

export function createAreaModel() {
  const boundaryCache = new WeakMap<Boundary, BoundaryFlowNode>();
  const noteCache = new WeakMap<StickyNote, NoteFlowNode>();

  function toBoundary(b: Boundary, selected: boolean): BoundaryFlowNode {
    const hit = boundaryCache.get(b);
    if (hit && hit.selected === selected) return hit;
    const size = { width: b.width, height: b.height };
    const rf: BoundaryFlowNode = {
      id: b.id,
      type: 'boundary',
      position: b.position,
      data:
        hit && hit.data.name === b.name && hit.data.kind === b.kind && hit.data.color === b.color
          ? hit.data
          : { name: b.name, kind: b.kind, color: b.color },
      selected,
      zIndex: BOUNDARY_Z,
      width: b.width,
      height: b.height,
      measured: size,
      dragHandle: '.pc-boundary__title',
      ariaLabel: `Boundary ${b.name}, ${b.members.length} card${b.members.length === 1 ? '' : 's'}`,
    };
    boundaryCache.set(b, rf);
    return rf;
  }

  function toNote(n: StickyNote, selected: boolean): NoteFlowNode {
    const hit = noteCache.get(n);
    if (hit && hit.selected === selected) return hit;
    const rf: NoteFlowNode = {
      id: n.id,
      type: 'note',
      position: n.position,
      data: hit?.data.text === n.text ? hit.data : { text: n.text },
      selected,
      measured: NOTE_MEASURED,
      width: NOTE_SIZE.width,
      height: NOTE_SIZE.height,
      ariaLabel: `Note: ${n.text.slice(0, 80) || 'empty'}`,
    };
    noteCache.set(n, rf);
    return rf;
  }

  return {
    /**
     * The area nodes, boundaries first. `presented`: the cards where the presenter draws them, and
     * the presenter's card size; boundaries are then drawn around their cards.
     */
    nodes(
      boundaries: readonly Boundary[] | undefined,
      notes: readonly StickyNote[] | undefined,
      selected: ReadonlySet<string>,
      presented?: { nodes: readonly DesignNode[]; card: { width: number; height: number } },
    ): AreaFlowNode[] {
      if (!boundaries?.length && !notes?.length) return NO_AREAS;
      const placed = presented ? new Map(presented.nodes.map((n) => [n.id, n])) : null;
      const out: AreaFlowNode[] = [];
      for (const b of boundaries ?? []) {
        const rf = toBoundary(b, selected.has(b.id));
        if (!placed || !presented) out.push(rf);
        else {
          const box = presentedBox(b, placed, presented.card);
          out.push({
            ...rf,
            position: box.position,
            width: box.width,
            height: box.height,
            measured: { width: box.width, height: box.height },
          });
        }
      }
      for (const n of notes ?? []) out.push(toNote(n, selected.has(n.id)));
      return out;
    },
  };
}
