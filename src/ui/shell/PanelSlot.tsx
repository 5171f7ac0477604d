import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { PANEL_LIMITS, RAIL_WIDTH, type PanelId } from './panelLayout';

interface Props {
  id: PanelId;
  /** The panel's name as people read it ("Palette"). */
  title: string;
  /** Which side of the canvas the panel is on: its handle is on the edge that faces the canvas. */
  side: 'left' | 'right';
  width: number;
  /** The panel can be collapsed to a strip (the preview closes instead). */
  collapsible: boolean;
  onCollapse: (collapsed: boolean) => void;
  onResize: (width: number) => void;
  children: ReactNode;
}

const KEY_STEP = 16;

/**
 * A side panel's place in the window: a header with the button that collapses it, a handle on the
 * edge that faces the canvas to drag it wider or narrower (or arrow keys on the focused handle),
 * and, collapsed, a narrow strip whose button opens it again.
 */
export function PanelSlot({ id, title, side, width, collapsible, onCollapse, onResize, children }: Props) {
  const drag = useRef<{ pointer: number; x: number; width: number } | null>(null);
  const lower = title.toLowerCase();
  if (collapsible && width === RAIL_WIDTH) {
    return (
      <div className={`pc-panel pc-panel--${side} pc-panel--rail`} data-panel={id}>
        <button
          type="button"
          className="pc-panel__toggle"
          aria-expanded={false}
          aria-label={`Show the ${lower}`}
          title={`Show the ${lower}`}
          onClick={() => onCollapse(false)}
        >
          <span aria-hidden="true">{side === 'left' ? '»' : '«'}</span>
          <span className="pc-panel__rail-title" aria-hidden="true">
            {title}
          </span>
        </button>
      </div>
    );
  }
  // Dragging towards the canvas makes the panel wider on the left, narrower on the right.
  const sign = side === 'left' ? 1 : -1;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointer: e.pointerId, x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    onResize(d.width + sign * (e.clientX - d.x));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer === e.pointerId) drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    onResize(width + (e.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP) * sign);
  };
  return (
    <div className={`pc-panel pc-panel--${side}`} data-panel={id}>
      {collapsible ? (
        <div className="pc-panel__head">
          <span className="pc-panel__title">{title}</span>
          <button
            type="button"
            className="pc-panel__toggle pc-panel__toggle--head"
            aria-expanded={true}
            aria-label={`Collapse the ${lower}`}
            title={`Collapse the ${lower}`}
            onClick={() => onCollapse(true)}
          >
            <span aria-hidden="true">{side === 'left' ? '«' : '»'}</span>
          </button>
        </div>
      ) : null}
      <div className="pc-panel__body">{children}</div>
      <div
        className="pc-panel__handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize the ${lower}`}
        aria-valuenow={width}
        aria-valuemin={PANEL_LIMITS[id].min}
        aria-valuemax={PANEL_LIMITS[id].max}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
