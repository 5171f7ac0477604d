import { BOUNDARY_COLORS, BOUNDARY_MIN, BOUNDARY_NAME_MAX, NOTE_MAX, isColor } from '../ops/boundaries';
import type { RepairLog } from './repairLog';
import { show } from './text';
import { isObj, q, type Obj } from './restoreUtil';
import { BOUNDARY_KINDS, isBoundaryKind, type Boundary, type Design, type StickyNote, type XY } from './types';

/** At most this many boundaries and notes are read from a file. */
export const AREA_LIMITS = { boundaries: 500, notes: 2000 } as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function position(v: unknown): XY | null {
  return isObj(v) && finite(v.x) && finite(v.y) ? { x: v.x, y: v.y } : null;
}

/**
 * Repairs the boundaries of a design read from untrusted input. A boundary is never dropped for a
 * bad field: each bad field is replaced by a usable value and the repair is named in a warning.
 * Only an entry that is not an object at all (nothing of it can be shown) is left out, and said so.
 */
export function repairBoundaries(raw: unknown, design: Design, taken: Set<string>, log: RepairLog): Boundary[] {
  const rawList = log.list(raw, AREA_LIMITS.boundaries, 'the list of boundaries');
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  const placed = new Set<string>();
  const out: Boundary[] = [];
  for (const [i, r] of rawList.entries()) {
    if (!isObj(r)) {
      log.add(`Boundary ${i + 1} was ${show(r)}, not a boundary; it was left out.`);
      continue;
    }
    const b = r as Obj;
    let name = typeof b.name === 'string' ? b.name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() : '';
    if (name.length > BOUNDARY_NAME_MAX) name = name.slice(0, BOUNDARY_NAME_MAX);
    const fallbackName = `Boundary ${i + 1}`;
    if (!name) {
      log.add(`Boundary ${i + 1} had no usable name (${q(b.name)}); it is now called ${q(fallbackName)}.`);
      name = fallbackName;
    } else if (name !== b.name) log.add(`The name of boundary ${q(b.name)} was repaired to ${q(name)}.`);
    const where = `The boundary ${q(name)}`;
    let id = typeof b.id === 'string' && b.id.trim() && b.id.length <= 100 ? b.id : '';
    if (!id || taken.has(id)) {
      const fresh = freeId(taken, `b_${i + 1}`);
      log.add(`${where} had ${id ? 'an id already in use' : 'no usable id'}; it was given a new one.`);
      id = fresh;
    }
    taken.add(id);
    let kind: Boundary['kind'] = 'context';
    if (isBoundaryKind(b.kind)) kind = b.kind;
    else log.add(`${where} had an unknown kind ${q(b.kind)}; it is now a ${BOUNDARY_KINDS.context.toLowerCase()}.`);
    let color: string = BOUNDARY_COLORS[0];
    if (isColor(b.color)) color = b.color;
    else if (b.color !== undefined) log.add(`${where} had an unreadable colour ${q(b.color)}; it is now ${color}.`);
    let at = position(b.position);
    if (!at) {
      log.add(`${where} had no readable position; it was placed at the top left.`);
      at = { x: 0, y: 0 };
    }
    const size = (v: unknown, min: number, what: string): number => {
      if (finite(v) && v >= min && v <= 100_000) return Math.round(v);
      const fixed = finite(v) && v > 100_000 ? 100_000 : min;
      log.add(`${where} had an unusable ${what} ${q(v)}; it is now ${fixed}.`);
      return fixed;
    };
    const width = size(b.width, BOUNDARY_MIN.width, 'width');
    const height = size(b.height, BOUNDARY_MIN.height, 'height');
    const members: string[] = [];
    const rawMembers = Array.isArray(b.members) ? b.members : [];
    if (b.members !== undefined && !Array.isArray(b.members))
      log.add(`${where} had an unreadable list of members; it holds no cards until cards are dragged into it.`);
    let lost = 0;
    for (const m of rawMembers.slice(0, 5000)) {
      if (typeof m !== 'string' || !nodeIds.has(m)) lost++;
      else if (placed.has(m))
        log.add(`${where} listed a card that is already in another boundary; it stays in the first.`);
      else {
        placed.add(m);
        members.push(m);
      }
    }
    if (lost > 0)
      log.add(
        `${where} listed ${lost} card${lost === 1 ? '' : 's'} not in the design; ${lost === 1 ? 'it was' : 'they were'} left out.`,
      );
    out.push({ id, name, kind, color, position: at, width, height, members });
  }
  return out;
}

/** Repairs the sticky notes of a design read from untrusted input, each repair named in a warning. */
export function repairNotes(raw: unknown, taken: Set<string>, log: RepairLog): StickyNote[] {
  const rawList = log.list(raw, AREA_LIMITS.notes, 'the list of notes');
  const out: StickyNote[] = [];
  for (const [i, r] of rawList.entries()) {
    if (!isObj(r)) {
      log.add(`Note ${i + 1} was ${show(r)}, not a note; it was left out.`);
      continue;
    }
    const text = log.text(r.text, NOTE_MAX, `the text of note ${i + 1}`);
    let id = typeof r.id === 'string' && r.id.trim() && r.id.length <= 100 ? r.id : '';
    if (!id || taken.has(id)) {
      log.add(
        `Note ${i + 1} (${q(text)}) had ${id ? 'an id already in use' : 'no usable id'}; it was given a new one.`,
      );
      id = freeId(taken, `note_${i + 1}`);
    }
    taken.add(id);
    let at = position(r.position);
    if (!at) {
      log.add(`Note ${i + 1} (${q(text)}) had no readable position; it was placed at the top left.`);
      at = { x: 0, y: 0 };
    }
    out.push({ id, text, position: at });
  }
  return out;
}

function freeId(taken: ReadonlySet<string>, base: string): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  return id;
}
