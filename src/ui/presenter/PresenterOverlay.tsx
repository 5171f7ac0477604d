import { useEffect, useRef } from 'react';
import { getViewportForBounds, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import type { DesignNode } from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { OrderPanel } from './OrderPanel';
import { usePresenter, usePresenterApi, useSteps } from './PresenterContext';
import { isTextEntry } from '../shell/textEntry';
import { presenterCommand } from './keys';
import { stepLabel } from './stepLabel';
import { PRESENTER_CARD, presentedNodes } from './presentedLayout';

const BAR_ROOM = 72;
/** Room around the cards for the labels of links that leave a card's top or bottom, and the arrows. */
const EDGE_ROOM = 24;

/**
 * The area every node will take once revealed, at the presenter's positions and card size.
 * Computed from the design rather than asked of React Flow, which does not measure nodes that
 * are still hidden.
 */
export function presentedBounds(nodes: readonly DesignNode[]) {
  if (nodes.length === 0) return null;
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs) - EDGE_ROOM;
  const y = Math.min(...ys) - EDGE_ROOM;
  return {
    x,
    y,
    width: Math.max(...xs) + PRESENTER_CARD.width + EDGE_ROOM - x,
    height: Math.max(...ys) + PRESENTER_CARD.height + EDGE_ROOM - y,
  };
}

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * The presenter's controls over the canvas: a title before the first step, a small floating bar
 * (step n of total, previous, next, show all, order, exit) and the keyboard.
 */
export function PresenterOverlay() {
  const presenter = usePresenterApi();
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const steps = useSteps();
  const step = Math.min(
    usePresenter((s) => s.step),
    steps.length,
  );
  const orderOpen = usePresenter((s) => s.orderOpen);
  const projectName = useDesignStore((s) => s.design.name);
  const nodes = useDesignStore((s) => s.design.nodes);
  const links = useDesignStore((s) => s.design.links);
  const boundaries = useDesignStore((s) => s.design.boundaries);
  const orderPanel = useRef<HTMLElement>(null);
  const total = steps.length;
  const current = step > 0 ? steps[step - 1] : undefined;

  // The whole design fits the screen from the start, so revealing never moves the camera; and
  // again when the canvas changes size (the panels leave, full screen, a projector's resolution).
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  useEffect(() => {
    const { nodes: all, links: joins } = store.getState().design;
    const box = presentedBounds(presentedNodes(all, joins));
    if (!box || width <= 0 || height <= 0) return;
    // Room for the control bar below; no closer than a little over life size, so a small
    // design does not turn into a few giant cards.
    const vp = getViewportForBounds(box, width, Math.max(1, height - BAR_ROOM), 0.1, 1.4, 0.1);
    void flow.setViewport(vp, { duration: 0 });
  }, [flow, store, width, height]);

  // The editor's own camera comes back on exit: presenting changes nothing in the design.
  useEffect(() => {
    return () => {
      void flow.setViewport(store.getState().design.viewport);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [flow, store]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]') || isTextEntry(e.target)) return;
      const p = presenter.getState();
      const n = steps.length;
      if (orderPanel.current && e.target instanceof Node && orderPanel.current.contains(e.target)) {
        // The order list is edited like the rest of the design: its own keys and undo work there.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          p.setOrderOpen(false);
        }
        return;
      }
      const command = presenterCommand(e);
      if (!command) return;
      // Capturing on the window keeps the editor's own shortcuts (delete, undo, paste) away.
      e.preventDefault();
      e.stopPropagation();
      if (command === 'next') p.next(n);
      else if (command === 'previous') p.previous(n);
      else if (command === 'first') p.go(0, n);
      else if (command === 'last') p.go(n, n);
      else if (command === 'fullscreen') toggleFullscreen();
      else if (command === 'exit') {
        if (p.orderOpen) p.setOrderOpen(false);
        else p.stop();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [presenter, steps]);

  const p = () => presenter.getState();
  return (
    <>
      {step === 0 ? (
        <div className="pc-present-title" aria-hidden={orderOpen}>
          <h1>{projectName}</h1>
          <p>{total === 0 ? 'Nothing to present yet: add some nodes first.' : 'Press → or Space to begin.'}</p>
        </div>
      ) : null}
      <div className="pc-present-bar" role="toolbar" aria-label="Presenter">
        <button type="button" onClick={() => p().previous(total)} disabled={step === 0} title="Previous (←, PageUp)">
          ← Previous
        </button>
        <span className="pc-present-bar__step" role="status" aria-live="polite" data-testid="presenter-step">
          Step {step} / {total}
          {current ? (
            <span className="pc-present-bar__what"> · {stepLabel({ nodes, links, boundaries }, current)}</span>
          ) : null}
        </span>
        <button
          type="button"
          className="pc-present-bar__next"
          onClick={() => p().next(total)}
          disabled={step >= total}
          title="Next (→, Space, PageDown)"
        >
          Next →
        </button>
        <span className="pc-toolbar__sep" aria-hidden="true" />
        <button type="button" onClick={() => p().go(total, total)} disabled={step >= total} title="Show all (End)">
          Show all
        </button>
        <button
          type="button"
          onClick={() => p().setOrderOpen(!orderOpen)}
          aria-pressed={orderOpen}
          title="Set the order of the steps"
        >
          Order…
        </button>
        <button type="button" onClick={toggleFullscreen} title="Full screen (F)">
          Full screen
        </button>
        <button type="button" onClick={() => p().stop()} title="Exit (Esc)">
          Exit
        </button>
      </div>
      {orderOpen ? <OrderPanel ref={orderPanel} steps={steps} current={step} /> : null}
    </>
  );
}
