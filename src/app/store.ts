import { createStore } from 'zustand/vanilla';
import {
  addBoundary as addBoundaryOp,
  addNote as addNoteOp,
  settleMembers,
  fitBoundaries,
  updateBoundary as updateBoundaryOp,
  updateNote as updateNoteOp,
  type BoundaryPatch,
  addNode as addNodeOp,
  connect as connectOp,
  duplicateElements,
  duplicateAreas,
  NOTE_SIZE,
  NATIVE_INFO,
  describeKind,
  type Boundary,
  type StickyNote,
  emptyDesign,
  moveNodes,
  removeElements as removeOp,
  renameProject as renameOp,
  updateLink as updateLinkOp,
  updateNode as updateNodeOp,
  type Design,
  type DesignLink,
  type DesignNode,
  type LinkKind,
  type LinkPatch,
  type NodeKind,
  type NodePatch,
  type OpResult,
  type Viewport,
  type XY,
} from '../core';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from './history';
import { CARD, kindSwitchProblem, pickElements, renameSharedTopic, switchLinkKind } from './designEdits';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  id: string;
  tone: NoticeTone;
  /** Banners stay above the canvas until dismissed; toasts float and expire. */
  placement: 'banner' | 'toast';
  title?: string;
  text: string;
  details?: readonly string[];
  /** A button in the notice (Cancel on a long import); a toast with one stays until dismissed. */
  action?: { label: string; run: () => void };
}

export interface Clipboard {
  nodes: readonly DesignNode[];
  links: readonly DesignLink[];
  /** Copied boundaries (their members are among `nodes`) and sticky notes. */
  boundaries: readonly Boundary[];
  notes: readonly StickyNote[];
  /** How often this copy was pasted, so each paste lands a step further away. */
  pasted: number;
}

export interface DesignState {
  design: Design;
  /** Ids of selected nodes and links. Not part of history. */
  selection: readonly string[];
  history: History;
  notices: readonly Notice[];
  /** Bumped whenever a whole design is loaded (New, Open), so the canvas re-applies its viewport. */
  loadCount: number;
  /** How the canvas frames the last loaded design: its saved viewport, or fitted to the view. */
  loadCamera: LoadCamera;
  /** The design as it was when a node drag started; null outside a drag. */
  dragOrigin: Design | null;
  clipboard: Clipboard | null;
}

export type Result = { ok: true } | { ok: false; reason: string };
export type AddResult = { ok: true; id: string } | { ok: false; reason: string };

export interface DesignActions {
  addNode(kind: NodeKind, position: XY): AddResult;
  /** Adds a boundary with its top-left corner at `position`; the cards it covers join it. */
  addBoundary(position: XY): AddResult;
  /** Adds an empty sticky note with its top-left corner at `position`. */
  addNote(position: XY): AddResult;
  /** `key` coalesces consecutive edits of one field into one undo step. */
  updateBoundary(id: string, patch: BoundaryPatch, key?: string): Result;
  /** Resizes a boundary: inside a drag (the resize handle) without history, otherwise as a step. */
  resizeBoundary(id: string, size: { width: number; height: number }): void;
  updateNote(id: string, text: string, key?: string): Result;
  connect(source: string, target: string, kind?: LinkKind): AddResult;
  /** Changes a link's kind; `merge` folds the change into the step before (the link's creation). */
  setLinkKind(id: string, kind: LinkKind, opts?: { merge?: boolean }): Result;
  /** `key` coalesces consecutive edits of one field into one undo step. */
  updateNode(id: string, patch: NodePatch, key?: string): Result;
  setNodeKind(id: string, kind: NodeKind): Result;
  /**
   * Changes a link. A queue link's new topic is also its partners' on the same broker and topic
   * (the broker's channel is renamed), unless `shareTopic` is false (to move one link to a topic
   * of its own).
   */
  updateLink(id: string, patch: LinkPatch, key?: string, opts?: { shareTopic?: boolean }): Result;
  /**
   * Applies any pure edit of the design (the ops of core/ops/api: types, fields, RPCs, endpoints,
   * channels …) as one undo step; `key` coalesces consecutive edits of one field.
   */
  edit(op: (design: Design) => OpResult, key?: string): Result;
  renameProject(name: string): Result;
  removeElements(ids: readonly string[]): void;
  removeSelection(): void;
  beginDrag(): void;
  /** Moves nodes: inside a drag without history, otherwise (keyboard nudges) as a coalesced step. */
  moveNodes(moves: ReadonlyMap<string, XY>): void;
  endDrag(): void;
  /**
   * Puts nodes where a layout placed them, as one undo step. Returns false when nothing moved (no
   * step is recorded) or when a drag is in progress (the user's hand wins).
   */
  applyLayout(positions: ReadonlyMap<string, XY>): boolean;
  setViewport(viewport: Viewport): void;
  select(ids: readonly string[]): void;
  applySelectionChanges(changes: readonly { id: string; selected: boolean }[]): void;
  selectAll(): void;
  /**
   * Copies the selected nodes (and the links among them), boundaries with their cards, and notes;
   * returns how many elements (nodes, boundaries, notes) were copied.
   */
  copySelection(): number;
  paste(): Result;
  undo(): boolean;
  redo(): boolean;
  /**
   * Replaces the whole design (New, Open). Undoable, so a wrong choice is one Ctrl+Z away. A design
   * with no camera of its own (a template, an imported compose file) asks for `'fit'`.
   */
  loadDesign(design: Design, camera?: LoadCamera): void;
  notify(notice: Omit<Notice, 'id'>): string;
  dismiss(id: string): void;
}

export type LoadCamera = 'saved' | 'fit';

export type DesignStore = DesignState & DesignActions;
export type DesignStoreApi = ReturnType<typeof createDesignStore>;

export interface StoreOptions {
  design?: Design;
  notices?: readonly Notice[];
  /** Clock for coalescing; tests pass a fake one. */
  now?: () => number;
}

let noticeCounter = 0;

function prune(selection: readonly string[], design: Design): readonly string[] {
  if (selection.length === 0) return selection;
  const ids = new Set<string>([
    ...design.nodes.map((n) => n.id),
    ...design.links.map((l) => l.id),
    ...(design.boundaries ?? []).map((b) => b.id),
    ...(design.notes ?? []).map((n) => n.id),
  ]);
  const kept = selection.filter((id) => ids.has(id));
  return kept.length === selection.length ? selection : kept;
}

/** How far each paste moves the copy from the original. */
export const PASTE_STEP = { x: 48, y: 88 } as const;

export function createDesignStore(opts: StoreOptions = {}) {
  const now = opts.now ?? (() => Date.now());
  return createStore<DesignStore>()((set, get) => {
    /** Applies an edited design as one (possibly coalesced) undo step. */
    const commit = (next: Design, o: { key?: string; merge?: boolean; select?: readonly string[] } = {}) => {
      const s = get();
      if (next === s.design) return;
      set({
        design: next,
        history: record(s.history, s.design, { key: o.key, merge: o.merge, now: now() }),
        selection: o.select ?? prune(s.selection, next),
      });
    };
    const travel = (step: typeof undoStep) => {
      const s = get();
      const t = step(s.history, s.design);
      if (!t) return false;
      // The viewport is where the user is looking, not an edit: undo never moves the camera.
      const design = { ...t.design, viewport: s.design.viewport };
      set({ design, history: t.history, selection: prune(s.selection, design), dragOrigin: null });
      return true;
    };

    return {
      design: opts.design ?? emptyDesign(),
      selection: [],
      history: emptyHistory,
      notices: opts.notices ?? [],
      loadCount: 0,
      loadCamera: 'saved',
      dragOrigin: null,
      clipboard: null,

      addNode(kind, position) {
        const r = addNodeOp(get().design, { kind, position });
        if (!r.ok) return r;
        commit(r.design, { select: [r.id] });
        return { ok: true, id: r.id };
      },
      addBoundary(position) {
        const r = addBoundaryOp(get().design, { position });
        if (!r.ok) return r;
        commit(r.design, { select: [r.id] });
        return { ok: true, id: r.id };
      },
      addNote(position) {
        const r = addNoteOp(get().design, { position });
        if (!r.ok) return r;
        commit(r.design, { select: [r.id] });
        return { ok: true, id: r.id };
      },
      updateBoundary(id, patch, key) {
        const r = updateBoundaryOp(get().design, id, patch);
        if (!r.ok) return r;
        commit(r.design, { key });
        return { ok: true };
      },
      resizeBoundary(id, size) {
        const s = get();
        if (!s.dragOrigin) {
          get().updateBoundary(id, size);
          return;
        }
        // Inside a resize the cards it covers are settled once, at the end (endDrag).
        const next = {
          ...s.design,
          boundaries: (s.design.boundaries ?? []).map((b) =>
            b.id === id ? { ...b, width: Math.round(size.width), height: Math.round(size.height) } : b,
          ),
        };
        set({ design: next });
      },
      updateNote(id, text, key) {
        const r = updateNoteOp(get().design, id, text);
        if (!r.ok) return r;
        commit(r.design, { key });
        return { ok: true };
      },
      connect(source, target, kind) {
        const r = connectOp(get().design, { source, target, kind });
        if (!r.ok) return r;
        commit(r.design, { select: [r.id] });
        return { ok: true, id: r.id };
      },
      setLinkKind(id, kind, o) {
        const r = switchLinkKind(get().design, id, kind);
        if (!r.ok) return r;
        commit(r.design, { merge: o?.merge });
        return { ok: true };
      },
      updateNode(id, patch, key) {
        if (patch.kind !== undefined) {
          const why = kindSwitchProblem(get().design, id, patch.kind);
          if (why) return { ok: false, reason: why };
        }
        const before = get().design.nodes.find((n) => n.id === id);
        const r = updateNodeOp(get().design, id, patch);
        if (!r.ok) return r;
        commit(r.design, { key });
        const after = r.design.nodes.find((n) => n.id === id);
        if (before?.native && after && !after.native && !('native' in patch))
          get().notify({
            tone: 'info',
            placement: 'toast',
            title: 'In-process module removed',
            text: `${describeKind(after.kind).label} cannot host the ${NATIVE_INFO[before.native.kind].label} of ${after.name}; undo brings it back.`,
          });
        return { ok: true };
      },
      setNodeKind(id, kind) {
        return get().updateNode(id, { kind });
      },
      updateLink(id, patch, key, opts) {
        const before = get().design;
        const { topic, ...rest } = patch;
        // Publishers and subscribers of one topic change together (see topicPartners).
        const link = before.links.find((l) => l.id === id);
        const shared = topic !== undefined && link?.kind === 'queue' && opts?.shareTopic !== false;
        const r = shared ? renameSharedTopic(before, id, topic) : updateLinkOp(before, id, patch);
        if (!r.ok) return r;
        const next = shared && Object.keys(rest).length > 0 ? updateLinkOp(r.design, id, rest) : r;
        if (!next.ok) return next;
        commit(next.design, { key });
        return { ok: true };
      },
      edit(op, key) {
        const r = op(get().design);
        if (!r.ok) return r;
        commit(r.design, { key });
        return { ok: true };
      },
      renameProject(name) {
        const r = renameOp(get().design, name);
        if (!r.ok) return r;
        commit(r.design, { key: 'project:name' });
        return { ok: true };
      },
      removeElements(ids) {
        commit(removeOp(get().design, ids));
      },
      removeSelection() {
        get().removeElements(get().selection);
      },
      beginDrag() {
        set({ dragOrigin: get().design });
      },
      moveNodes(moves) {
        const s = get();
        const next = moveNodes(s.design, moves);
        if (next === s.design) return;
        if (s.dragOrigin) set({ design: next });
        else commit(settleMembers(next, moves.keys()), { key: `move:${[...moves.keys()].sort().join(',')}` });
      },
      endDrag() {
        const { dragOrigin, history } = get();
        let { design } = get();
        if (!dragOrigin) return;
        if (
          dragOrigin.nodes === design.nodes &&
          dragOrigin.boundaries === design.boundaries &&
          dragOrigin.notes === design.notes
        )
          return set({ dragOrigin: null });
        if (design.boundaries?.length) {
          // A card dragged into a boundary joins it, one dragged out leaves; a resized boundary
          // takes in the cards it now covers.
          const resized = design.boundaries.some((b) => {
            const o = dragOrigin.boundaries?.find((x) => x.id === b.id);
            return !o || o.width !== b.width || o.height !== b.height;
          });
          const before = new Set(dragOrigin.nodes);
          const moved = resized ? design.nodes : design.nodes.filter((n) => !before.has(n));
          design = settleMembers(
            design,
            moved.map((n) => n.id),
          );
        }
        set({ design, dragOrigin: null, history: record(history, dragOrigin, { now: now() }) });
      },
      applyLayout(positions) {
        const s = get();
        if (s.dragOrigin) return false;
        const next = moveNodes(s.design, positions);
        if (next === s.design) return false;
        commit(fitBoundaries(next));
        return true;
      },
      setViewport(viewport) {
        const { design } = get();
        const v = design.viewport;
        if (v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return;
        set({ design: { ...design, viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } } });
      },
      select(ids) {
        set({ selection: [...new Set(ids)] });
      },
      applySelectionChanges(changes) {
        if (changes.length === 0) return;
        const next = new Set(get().selection);
        for (const c of changes) {
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        set({ selection: [...next] });
      },
      selectAll() {
        const { design } = get();
        set({ selection: [...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)] });
      },
      copySelection() {
        const { design, selection } = get();
        const chosen = new Set(selection);
        const boundaries = (design.boundaries ?? []).filter((b) => chosen.has(b.id));
        const notes = (design.notes ?? []).filter((n) => chosen.has(n.id));
        // a boundary comes with the cards it holds
        const picked = pickElements(design, [...selection, ...boundaries.flatMap((b) => b.members)]);
        const count = picked.nodes.length + boundaries.length + notes.length;
        if (count === 0) return 0;
        const held = new Set(picked.nodes.map((n) => n.id));
        const copied = {
          ...picked,
          boundaries: boundaries.map((b) => ({ ...b, members: b.members.filter((m) => held.has(m)) })),
          notes,
        };
        set({ clipboard: { ...structuredClone(copied), pasted: 0 } });
        return count;
      },
      paste() {
        const { clipboard, design } = get();
        if (!clipboard || clipboard.nodes.length + clipboard.boundaries.length + clipboard.notes.length === 0)
          return { ok: false, reason: 'Nothing to paste: copy a node, a boundary or a note first.' };
        // Down by more than a card's height and a little to the right: the copy is clearly a copy
        // and the original's text stays readable; each further paste a step further. A boundary's
        // or a note's copy goes below the original, clear of it. Steps on while the copy would cover another
        // card, boundary or note.
        const tallest = Math.max(
          0,
          ...clipboard.boundaries.map((b) => b.height),
          ...clipboard.notes.map(() => NOTE_SIZE.height),
        );
        const step = { x: PASTE_STEP.x, y: Math.max(PASTE_STEP.y, tallest > 0 ? tallest + 40 : 0) };
        const overlaps = (a: XY, aw: number, ah: number, b: XY, bw: number, bh: number) =>
          a.x < b.x + bw && b.x < a.x + aw && a.y < b.y + bh && b.y < a.y + ah;
        const covers = (k: number) => {
          const at = (p: XY) => ({ x: p.x + step.x * k, y: p.y + step.y * k });
          return (
            clipboard.nodes.some((c) =>
              design.nodes.some(
                (o) =>
                  Math.abs(o.position.x - at(c.position).x) < CARD.width &&
                  Math.abs(o.position.y - at(c.position).y) < CARD.height,
              ),
            ) ||
            clipboard.boundaries.some((c) =>
              (design.boundaries ?? []).some((o) =>
                overlaps(at(c.position), c.width, c.height, o.position, o.width, o.height),
              ),
            ) ||
            clipboard.notes.some((c) =>
              (design.notes ?? []).some((o) =>
                overlaps(
                  at(c.position),
                  NOTE_SIZE.width,
                  NOTE_SIZE.height,
                  o.position,
                  NOTE_SIZE.width,
                  NOTE_SIZE.height,
                ),
              ),
            )
          );
        };
        let n = clipboard.pasted + 1;
        for (let tries = 0; tries < 50 && covers(n); tries++) n++;
        const offset = { x: step.x * n, y: step.y * n };
        const r = duplicateElements(design, clipboard.nodes, clipboard.links, offset);
        const areas = duplicateAreas(r.design, clipboard.boundaries, clipboard.notes, r.idMap, offset);
        // one undo step for the cards, their links, the boundaries and the notes
        commit(areas.design, { select: [...r.ids, ...areas.ids] });
        set({ clipboard: { ...clipboard, pasted: n } });
        return { ok: true };
      },
      undo: () => travel(undoStep),
      redo: () => travel(redoStep),
      loadDesign(design, camera = 'saved') {
        const s = get();
        set({
          loadCamera: camera,
          design,
          history: record(s.history, s.design, { now: now() }),
          selection: [],
          dragOrigin: null,
          loadCount: s.loadCount + 1,
        });
      },
      notify(notice) {
        const id = `notice-${++noticeCounter}`;
        set({ notices: [...get().notices, { ...notice, id }] });
        return id;
      },
      dismiss(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
    };
  });
}
