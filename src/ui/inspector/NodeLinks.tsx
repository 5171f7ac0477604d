import { useShallow } from 'zustand/react/shallow';
import { LINK_KINDS, allowedLinkKinds, type DesignNode } from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';

const SEP = '\u0000';

/**
 * The links of a node, and a way to add one without a pointer: the keyboard path to what
 * dragging between handles does on the canvas.
 */
export function NodeLinks({ node }: { node: DesignNode }) {
  const store = useDesignStoreApi();
  const id = node.id;
  // Plain strings, compared one by one: dragging a node re-renders none of this.
  const links = useDesignStore(
    useShallow((s) => {
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
    }),
  );
  const targets = useDesignStore(
    useShallow((s) =>
      s.design.nodes
        .filter((n) => n.id !== id && allowedLinkKinds(node.kind, n.kind).length > 0)
        .map((n) => `${n.id}${SEP}${n.name}`),
    ),
  );

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
          <select id={`add-link-${id}`} value="" onChange={(e) => add(e.target.value)}>
            <option value="">+ Add a link to…</option>
            {targets.map((t) => {
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
