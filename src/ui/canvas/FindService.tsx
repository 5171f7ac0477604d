import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ControlButton, Panel, useReactFlow } from '@xyflow/react';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { KindMark } from '../palette/KindMark';
import { modShortcut } from '../shell/platform';
import { NODE_SIZE } from './flowModel';
import { findNodes, type FoundNode } from './findModel';

/** A found card is shown at least this large, so its name can be read. */
const READABLE_ZOOM = 0.75;

/** The find button in the canvas controls. */
export function FindButton({ onClick }: { onClick: () => void }) {
  return (
    <ControlButton onClick={onClick} title={`Find a service (${modShortcut('K')})`} aria-label="Find a service">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="6.8" cy="6.8" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="m10.3 10.3 4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </ControlButton>
  );
}

/** Ctrl+K (⌘K) opens the find box from anywhere in the editor, a text field included. */
export function useFindShortcut(open: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() !== 'k' || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, enabled]);
}

/** Focuses a card once the canvas has drawn it (it draws only the cards in view). */
function focusCard(id: string, framesLeft = 20): void {
  const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (card) card.focus({ preventScroll: true });
  else if (framesLeft > 0) requestAnimationFrame(() => focusCard(id, framesLeft - 1));
}

/**
 * The find box: type part of a node's name (or its language, framework or product), pick a match
 * with the arrow keys and Enter, or click it. The canvas centres the node, selects it and gives
 * its card the keyboard focus, so a design far larger than the screen can be walked without a
 * pointer. Escape closes the box and gives the focus back.
 */
export function FindPanel({ onClose }: { onClose: () => void }) {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const nodes = useDesignStore((s) => s.design.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { hits, total } = useMemo(() => findNodes(nodes, query), [nodes, query]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const before = useRef<Element | null>(null);
  const current = Math.min(active, hits.length - 1);

  useEffect(() => {
    before.current = document.activeElement;
    input.current?.focus();
  }, []);
  useEffect(() => {
    list.current?.children[current]?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  /** Closes the box and gives the focus back to where it was. */
  const cancel = () => {
    const back = before.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };

  const go = (hit: FoundNode | undefined) => {
    if (!hit) return;
    const node = flow.getInternalNode(hit.id);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const zoom = flow.getZoom();
    store.getState().select([hit.id]);
    void flow.setCenter(x + NODE_SIZE.width / 2, y + NODE_SIZE.height / 2, {
      zoom: zoom < READABLE_ZOOM ? 1 : zoom,
      duration: 0,
    });
    onClose();
    focusCard(hit.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n > 0) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(hits[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };

  const status =
    nodes.length === 0
      ? 'The design has no services yet.'
      : hits.length === 0
        ? 'Nothing matches.'
        : total > hits.length
          ? `${total} matches; the first ${hits.length} shown. Type more to narrow them.`
          : `${total} ${total === 1 ? 'match' : 'matches'}`;

  return (
    <Panel position="top-center" className="pc-find-panel">
      <div
        className="pc-find"
        role="dialog"
        aria-label="Find a service"
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) onClose();
        }}
      >
        <input
          ref={input}
          className="pc-find__input"
          type="search"
          role="combobox"
          aria-label="Find a service by name, language or product"
          aria-expanded={hits.length > 0}
          aria-controls="pc-find-list"
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? `pc-find-hit-${current}` : undefined}
          placeholder="Find a service…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul ref={list} id="pc-find-list" className="pc-find__list" role="listbox" aria-label="Matching services">
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`pc-find-hit-${i}`}
              role="option"
              aria-selected={i === current}
              className="pc-find__hit"
              // Keep the focus in the box: the click picks, the input keeps typing.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => {
                if (i !== current) setActive(i);
              }}
              onClick={() => go(hit)}
            >
              <KindMark className="pc-find__mark" mark={hit.mark} color={hit.color} />
              <span className="pc-find__name">{hit.name}</span>
              <span className="pc-find__kind">{hit.kind}</span>
            </li>
          ))}
        </ul>
        <p className="pc-find__status" aria-live="polite">
          {status}
        </p>
      </div>
    </Panel>
  );
}
