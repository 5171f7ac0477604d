import { useMemo } from 'react';
import { LINK_KINDS, allowedLinkKinds, type DesignNode, type NodeKind } from '../../core';
import type { DesignStore } from '../../app/store';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { useOptionsWhenReached } from './controls';

const SEP = '\u0000';

/** Whether two node lists differ at most in positions (ids, names and kinds the same, in order). */
function sameNamesAndKinds(a: readonly DesignNode[], b: readonly DesignNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.name !== y.name || x.kind !== y.kind) return false;
  }
  return true;
}

/**
 * A selector whose answer is `derive`'s last one while the links are the same object and the nodes
 * differ at most in positions; otherwise derived again, and kept if equal element by element.
 */
function stableSelector(derive: (s: DesignStore) => string[]) {
  let nodes: readonly DesignNode[] | null = null;
  let links: unknown = null;
  let last: string[] = [];
  return (s: DesignStore): string[] => {
    const d = s.design;
    if (nodes && d.links === links && sameNamesAndKinds(d.nodes, nodes)) {
      nodes = d.nodes;
      return last;
    }
    nodes = d.nodes;
    links = d.links;
    const next = derive(s);
    if (next.length !== last.length || next.some((x, i) => x !== last[i])) last = next;
    return last;
  };
}

/** The node's links as rows: link id, kind, direction and the other node's name. */
function linksSelector(id: string) {
  return stableSelector((s) => {
    const names = new Map(s.design.nodes.map((n) => [n.id, n.name]));
    return s.design.links
      .filter((l) => l.source === id || l.target === id)
      .map((l) =>
        [
          l.id,
          LINK_KINDS[l.kind].label,
          l.source === id ? 'to' : 'from',
          names.get(l.source === id ? l.target : l.source) ?? '?',
        ].join(SEP),
      );
  });
}

/** The nodes a link from this one may go to: id and name. */
function targetsSelector(id: string, kind: NodeKind) {
  return stableSelector((s) =>
    s.design.nodes
      .filter((n) => n.id !== id && allowedLinkKinds(kind, n.kind).length > 0)
      .map((n) => `${n.id}${SEP}${n.name}`),
  );
}

/**
 * The links of a node, and a way to add one without a pointer: the keyboard path to what
 * dragging between handles does on the canvas.
 */
export function NodeLinks({ node }: { node: DesignNode }) {
  const store = useDesignStoreApi();
  const id = node.id;
  // Plain strings, remade only when a link or a node's name or kind changed: a drag step, which
  // moves nodes, costs one walk over the nodes and re-renders none of this.
  const links = useDesignStore(useMemo(() => linksSelector(id), [id]));
  const targets = useDesignStore(useMemo(() => targetsSelector(id, node.kind), [id, node.kind]));

  // A large design has thousands of targets: their options cost the browser a few hundred
  // milliseconds of style work, so they are made when the pointer or the focus reaches the list.
  const { short, reach } = useOptionsWhenReached(targets.length);

  const add = (target: string) => {
    if (!target) return;
    const s = store.getState();
    const r = s.connect(id, target);
    if (r.ok) s.select([id]);
    else s.notify({ tone: 'error', placement: 'toast', title: 'Link refused', text: r.reason });
  };

  return (
    <section className="pc-list" aria-label="Links">
      <h3 className="pc-list__title">Links</h3>
      {links.length === 0 ? <p className="pc-list__empty">No links yet.</p> : null}
      <ul className="pc-links">
        {links.map((row) => {
          const [linkId = '', kind, dir, other] = row.split(SEP);
          return (
            <li key={linkId}>
              <button type="button" className="pc-links__item" onClick={() => store.getState().select([linkId])}>
                <span className="pc-links__kind">{kind}</span> {dir} {other}
              </button>
            </li>
          );
        })}
      </ul>
      {targets.length > 0 ? (
        <div className="pc-field">
          <label htmlFor={`add-link-${id}`} className="pc-sr-only">
            Add a link from {node.name} to
          </label>
          <select id={`add-link-${id}`} value="" onChange={(e) => add(e.target.value)} {...reach}>
            <option value="">+ Add a link to…</option>
            {(short ? [] : targets).map((t) => {
              const [tid = '', name] = t.split(SEP);
              return (
                <option key={tid} value={tid}>
                  {name}
                </option>
              );
            })}
          </select>
        </div>
      ) : null}
    </section>
  );
}
