import { useEffect, useRef, type Ref } from 'react';
import { describeKind, moveStep, type PresentationStep } from '../../core';
import { setPresentationOrder } from '../../app/presenter';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { usePresenterApi } from './PresenterContext';
import { stepLabel } from './stepLabel';

interface Props {
  ref?: Ref<HTMLElement>;
  steps: readonly PresentationStep[];
  /** How many steps are revealed now. */
  current: number;
}

/**
 * The presenter's order of steps: move a step up or down, or go back to the order of adding. The
 * order is saved with the design and each change is one undo step. A link never moves above one
 * of its own ends, so those moves are offered disabled.
 */
export function OrderPanel({ ref, steps, current }: Props) {
  const store = useDesignStoreApi();
  const presenter = usePresenterApi();
  const nodes = useDesignStore((s) => s.design.nodes);
  const links = useDesignStore((s) => s.design.links);
  const boundaries = useDesignStore((s) => s.design.boundaries);
  const custom = useDesignStore((s) => s.design.presentation !== undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const move = (index: number, delta: -1 | 1) => {
    const order = moveStep(store.getState().design, index, delta);
    if (order) setPresentationOrder(store, order);
  };
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const linkById = new Map(links.map((l) => [l.id, l]));
  // Step i can swap with step i-1 unless it is a link that needs that step as one of its ends.
  // A boundary's step follows its first card: it is not moved by hand, nor swapped with.
  const canRise = (i: number) => {
    const above = steps[i - 1];
    if (above?.kind === 'boundary' || steps[i]?.kind === 'boundary') return false;
    const link = linkById.get(steps[i]?.id ?? '');
    return above !== undefined && (!link || (link.source !== above.id && link.target !== above.id));
  };
  const design = { nodes, links, boundaries };

  return (
    <aside ref={ref} className="pc-present-order" aria-label="Order of steps">
      <header className="pc-present-order__head">
        <h2 ref={heading} tabIndex={-1}>
          Order of steps
        </h2>
        <button type="button" onClick={() => setPresentationOrder(store, null)} disabled={!custom}>
          Reset to order of adding
        </button>
        <button type="button" onClick={() => presenter.getState().setOrderOpen(false)}>
          Done
        </button>
      </header>
      <p className="pc-present-order__hint">
        Each node and each link is a step. A link comes after both of its ends. Click a step to show up to it.
      </p>
      <ol className="pc-present-order__list">
        {steps.map((s, i) => {
          const label = stepLabel(design, s);
          const node = nodeById.get(s.id);
          const color = node ? describeKind(node.kind).color : undefined;
          return (
            <li key={s.id} className={i < current ? 'is-shown' : undefined} data-step-id={s.id}>
              <button
                type="button"
                className="pc-present-order__go"
                onClick={() => presenter.getState().go(i + 1, steps.length)}
                title="Show up to this step"
              >
                <span className="pc-present-order__num">{i + 1}</span>
                <span
                  className={s.kind === 'link' ? 'pc-present-order__arrow' : 'pc-present-order__dot'}
                  style={color ? { background: color } : undefined}
                  aria-hidden="true"
                />
                <span className="pc-present-order__label">{label}</span>
              </button>
              <button type="button" aria-label={`Move ${label} up`} disabled={!canRise(i)} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${label} down`}
                disabled={!canRise(i + 1)}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
