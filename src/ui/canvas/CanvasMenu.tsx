import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import { INFRA_IDS, RUNTIME_IDS, RUNTIMES, describeKind, type NodeKind, type XY } from '../../core';
import { useDesignStoreApi } from '../../app/storeContext';
import { isTextEntry } from '../shell/textEntry';
import { useUi } from '../shell/uiState';
import { useAddNode } from './useAddNode';

/** What was right-clicked: a card, a link or the empty canvas, and where (window coordinates). */
export type MenuTarget =
  | { on: 'node'; id: string; x: number; y: number }
  | { on: 'link'; id: string; x: number; y: number }
  | { on: 'area'; id: string; x: number; y: number }
  | { on: 'pane'; x: number; y: number };

/** What the pane's menu offers to add: every service with a runnable stub, and the usual infrastructure. */
const ADDABLE: readonly NodeKind[] = [
  ...RUNTIME_IDS.filter((r) => RUNTIMES[r].tier === 1),
  ...INFRA_IDS.filter((i) => ['kafka', 'rabbitmq', 'redis', 'postgres'].includes(i)),
];

/** Copies, pastes and restores the clipboard: Duplicate leaves what the person copied alone. */
function duplicate(store: ReturnType<typeof useDesignStoreApi>, id: string): void {
  const kept = store.getState().clipboard;
  store.getState().select([id]);
  if (store.getState().copySelection() > 0) store.getState().paste();
  store.setState({ clipboard: kept });
}

/** Gives the keyboard focus to the inspector's first field once it shows the selected element. */
function focusInspector(framesLeft = 10): void {
  const field = document.querySelector<HTMLElement>(
    '.pc-inspector input, .pc-inspector select, .pc-inspector textarea',
  );
  if (field) field.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusInspector(framesLeft - 1));
}

/**
 * The canvas's right-click menu (also Shift+F10 or the context-menu key on the selection): rename,
 * duplicate, copy or delete a card, a boundary (with its cards) or a note; edit or delete a link; add a node, paste or fit the view on the
 * pane. Arrow keys move, Enter chooses, Escape or a click elsewhere closes.
 */
export function CanvasMenu({ target, onClose }: { target: MenuTarget; onClose: () => void }) {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const addNode = useAddNode();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const el = ref.current;
    el?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const outside = (e: PointerEvent) => {
      if (!el?.contains(e.target as globalThis.Node)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      // Escape or an item gives the focus back to where it was; a click elsewhere keeps its own.
      if (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))
        opener?.focus({ preventScroll: true });
    };
  }, [onClose]);

  // Kept inside the window: a menu opened near an edge opens towards the middle.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.left = `${Math.max(4, Math.min(target.x + 2, window.innerWidth - el.offsetWidth - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(target.y + 2, window.innerHeight - el.offsetHeight - 4))}px`;
  }, [target]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Tab') onClose();
    else return;
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  };

  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const s = () => store.getState();
  const copyItem = (id: string) => (
    <Item
      onClick={run(() => {
        s().select([id]);
        s().copySelection();
      })}
    >
      Copy
    </Item>
  );
  const editAndDelete = (id: string) => (
    <>
      <Item
        onClick={run(() => {
          s().select([id]);
          focusInspector();
        })}
      >
        Edit in the inspector
      </Item>
      <Sep />
      <Item danger onClick={run(() => s().removeElements([id]))} keys="Delete">
        Delete
      </Item>
    </>
  );
  let label: string;
  let items: ReactNode;
  if (target.on === 'node') {
    const node = s().design.nodes.find((n) => n.id === target.id);
    label = `Node ${node?.name ?? ''}`;
    items = (
      <>
        <Item onClick={run(() => useUi.getState().setRenaming(target.id))} keys="F2">
          Rename
        </Item>
        <Item onClick={run(() => duplicate(store, target.id))}>Duplicate</Item>
        {copyItem(target.id)}
        {editAndDelete(target.id)}
      </>
    );
  } else if (target.on === 'area') {
    const boundary = s().design.boundaries?.find((b) => b.id === target.id);
    label = boundary ? `Boundary ${boundary.name}` : 'Note';
    items = (
      <>
        <Item onClick={run(() => useUi.getState().setRenaming(target.id))} keys="F2">
          {boundary ? 'Rename' : 'Edit text'}
        </Item>
        <Item onClick={run(() => duplicate(store, target.id))}>Duplicate</Item>
        {copyItem(target.id)}
        {editAndDelete(target.id)}
      </>
    );
  } else if (target.on === 'link') {
    label = 'Link';
    items = <>{editAndDelete(target.id)}</>;
  } else {
    label = 'Canvas';
    const at: XY = flow.screenToFlowPosition({ x: target.x, y: target.y });
    items = (
      <>
        <div className="pc-ctxmenu__title" role="presentation">
          Add here
        </div>
        {ADDABLE.map((kind) => (
          <Item key={kind} onClick={run(() => addNode(kind, at))}>
            {describeKind(kind).label}
          </Item>
        ))}
        <Item onClick={run(() => s().addBoundary({ x: at.x, y: at.y }))}>Boundary</Item>
        <Item onClick={run(() => s().addNote({ x: at.x, y: at.y }))}>Sticky note</Item>
        <Sep />
        <Item disabled={!s().clipboard} onClick={run(() => s().paste())} keys="Ctrl/Cmd+V">
          Paste
        </Item>
        <Item disabled={s().design.nodes.length === 0} onClick={run(() => s().selectAll())} keys="Ctrl/Cmd+A">
          Select all
        </Item>
        <Item disabled={s().design.nodes.length === 0} onClick={run(() => void flow.fitView({ padding: 0.2 }))}>
          Fit view
        </Item>
      </>
    );
  }

  return (
    <div
      ref={ref}
      className="pc-ctxmenu"
      role="menu"
      aria-label={label}
      style={{ left: target.x + 2, top: target.y + 2 }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items}
    </div>
  );
}

function Item({
  children,
  onClick,
  keys,
  danger,
  disabled,
}: {
  children: ReactNode;
  onClick: () => void;
  keys?: string;
  danger?: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className={danger ? 'pc-ctxmenu__item pc-ctxmenu__item--danger' : 'pc-ctxmenu__item'}
      disabled={disabled}
      onClick={onClick}
    >
      <span>{children}</span>
      {keys ? <kbd aria-hidden="true">{keys}</kbd> : null}
    </button>
  );
}

function Sep() {
  return <div className="pc-ctxmenu__sep" role="separator" />;
}

/** The middle of an element on the screen, for a menu opened from the keyboard. */
export function middleOf(el: Element | null | undefined): { x: number; y: number } | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/**
 * F2 renames the selected node on its card; Shift+F10 (or the context-menu key, when the browser
 * does not send a contextmenu event itself) opens the menu of the selected node or link.
 */
export function useCanvasMenuKeys(open: (target: MenuTarget) => void, enabled: boolean): void {
  const store = useDesignStoreApi();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (document.querySelector('dialog[open]') || isTextEntry(e.target)) return;
      const { selection, design } = store.getState();
      const id = selection[0];
      const isNode = id !== undefined && design.nodes.some((n) => n.id === id);
      const isArea =
        id !== undefined && (!!design.boundaries?.some((b) => b.id === id) || !!design.notes?.some((n) => n.id === id));
      if (e.key === 'F2' && (isNode || isArea) && selection.length === 1) {
        e.preventDefault();
        useUi.getState().setRenaming(id);
      } else if (e.key === 'F10' && e.shiftKey) {
        e.preventDefault();
        const el = id
          ? document.querySelector(
              isNode
                ? `.react-flow__node[data-id="${CSS.escape(id)}"]`
                : `.react-flow__edge[data-id="${CSS.escape(id)}"] .react-flow__edge-textbg, .react-flow__edge[data-id="${CSS.escape(id)}"]`,
            )
          : null;
        const at = middleOf(el) ?? middleOf(document.querySelector('.react-flow__pane'));
        if (!at) return;
        if (id && el) open(isNode ? { on: 'node', id, ...at } : { on: 'link', id, ...at });
        else open({ on: 'pane', ...at });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, open, enabled]);
}
