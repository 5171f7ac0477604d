import { memo, useMemo } from 'react';
import type { DesignNode } from '../../core';
import type { DesignStore } from '../../app/store';
import { useDesignStore } from '../../app/storeContext';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';
import { MOD_KEY } from '../shell/platform';

function Hint({ count }: { count: number }) {
  return (
    <div className="pc-inspector__hint">
      {count > 1 ? (
        <p>
          <strong>{count} items selected.</strong> Press Delete to remove them, or {MOD_KEY}+C to copy.
        </p>
      ) : (
        <p>Select a node or a link to edit it here.</p>
      )}
      <dl className="pc-keys" aria-label="Keyboard shortcuts">
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Undo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Redo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>C</kbd> / <kbd>V</kbd>
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
        <div>
          <dt>
            <kbd>Shift</kbd>+<kbd>L</kbd>
          </dt>
          <dd>Auto-layout</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>K</kbd>
          </dt>
          <dd>Find a service</dd>
        </div>
      </dl>
    </div>
  );
}

const sameBesidesPosition = (a: DesignNode, b: DesignNode) =>
  a.id === b.id &&
  a.kind === b.kind &&
  a.name === b.name &&
  a.port === b.port &&
  a.grpcPort === b.grpcPort &&
  a.replicas === b.replicas &&
  a.env === b.env &&
  a.description === b.description &&
  a.image === b.image &&
  a.hostPort === b.hostPort &&
  a.api === b.api &&
  a.channels === b.channels &&
  a.envPrefix === b.envPrefix &&
  a.codePackage === b.codePackage;

/**
 * A selector for the node the inspector shows. Dragging a node changes only its position, which
 * the inspector does not show, so the selector keeps returning the same object during a drag and
 * the form does not re-render (the same idea as zustand's useShallow, keyed on what is shown).
 */
function inspectedNodeSelector(id: string | null) {
  let last: DesignNode | undefined;
  return (s: DesignStore) => {
    const n = id === null ? undefined : s.design.nodes.find((x) => x.id === id);
    if (!(n && last && sameBesidesPosition(n, last))) last = n;
    return last;
  };
}

function useInspectedNode(id: string | null): DesignNode | undefined {
  const selector = useMemo(() => inspectedNodeSelector(id), [id]);
  return useDesignStore(selector);
}

/** The right-hand panel: edits the one selected node or link. */
export const Inspector = memo(function Inspector() {
  const only = useDesignStore((s) => (s.selection.length === 1 ? (s.selection[0] ?? null) : null));
  const count = useDesignStore((s) => s.selection.length);
  const node = useInspectedNode(only);
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
