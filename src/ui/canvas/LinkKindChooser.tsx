import { useEffect, useRef, type KeyboardEvent } from 'react';
import { LINK_KINDS, type LinkKind } from '../../core';

interface Props {
  /** Where the link was dropped, in window coordinates. */
  x: number;
  y: number;
  kinds: readonly LinkKind[];
  current: LinkKind;
  onChoose: (kind: LinkKind) => void;
  /** Escape or a click elsewhere: the link keeps the kind it was made with. */
  onClose: () => void;
}

/**
 * Asks which kind a new link should be when more than one makes sense (REST or gRPC between two
 * services). The link already exists with the first kind, so closing without a choice keeps it.
 */
export function LinkKindChooser({ x, y, kinds, current, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button[data-kind]') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
    buttons[(i + step + buttons.length) % buttons.length]?.focus();
  };

  const left = Math.min(x + 8, window.innerWidth - 240);
  const top = Math.min(y + 8, window.innerHeight - 60 - kinds.length * 44);
  return (
    <div
      ref={ref}
      className="pc-chooser"
      role="dialog"
      aria-label="Choose the kind of link"
      style={{ left, top }}
      onKeyDown={onKeyDown}
    >
      <div className="pc-chooser__title">Link kind</div>
      {kinds.map((k) => (
        <button
          key={k}
          type="button"
          data-kind={k}
          aria-pressed={k === current}
          className="pc-chooser__option"
          onClick={() => onChoose(k)}
        >
          <span className={`pc-chooser__swatch pc-swatch--${k}`} aria-hidden="true" />
          <span className="pc-chooser__label">{LINK_KINDS[k].label}</span>
          <span className="pc-chooser__desc">{LINK_KINDS[k].description}</span>
        </button>
      ))}
    </div>
  );
}
