import { memo } from 'react';
import { useDesignStore } from '../../app/storeContext';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

function Hint({ count }: { count: number }) {
  return (
    <div className="pc-inspector__hint">
      {count > 1 ? (
        <p>
          <strong>{count} items selected.</strong> Press Delete to remove them, or {MOD}+C to copy.
        </p>
      ) : (
        <p>Select a node or a link to edit it here.</p>
      )}
      <dl className="pc-keys" aria-label="Keyboard shortcuts">
        <div>
          <dt>
            <kbd>{MOD}</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Undo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD}</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Redo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD}</kbd>+<kbd>C</kbd> / <kbd>V</kbd>
          </dt>
          <dd>Copy / paste</dd>
        </div>
        <div>
          <dt>
            <kbd>Shift</kbd>+drag
          </dt>
          <dd>Select an area</dd>
        </div>
        <div>
          <dt>
            <kbd>Delete</kbd>
          </dt>
          <dd>Remove the selection</dd>
        </div>
      </dl>
    </div>
  );
}

/** The right-hand panel: edits the one selected node or link. */
export const Inspector = memo(function Inspector() {
  const only = useDesignStore((s) => (s.selection.length === 1 ? (s.selection[0] ?? null) : null));
  const count = useDesignStore((s) => s.selection.length);
  const node = useDesignStore((s) => (only === null ? undefined : s.design.nodes.find((n) => n.id === only)));
  const link = useDesignStore((s) => (only === null ? undefined : s.design.links.find((l) => l.id === only)));
  return (
    <aside className="pc-inspector" aria-label="Inspector">
      {/* Keyed by id: a half-typed invalid value never leaks from one element to the next. */}
      {node ? <NodeInspector key={node.id} node={node} /> : null}
      {link ? <LinkInspector key={link.id} link={link} /> : null}
      {!node && !link ? <Hint count={count} /> : null}
    </aside>
  );
});
