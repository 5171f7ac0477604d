import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useFitView } from '../canvas/useFitView';
import type { Finding } from '../../core/checks';
import { useDesignStoreApi } from '../../app/storeContext';
import { findingsLabel } from './summary';
import { useChecker, useFindings } from './useFindings';

const NONE: readonly Finding[] = [];

/** The checker's count in the top bar and its panel; the cards draw their own badges. */
export function ChecksTools() {
  const checked = useFindings();
  const findings = checked ?? NONE;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const worst = findings[0]?.severity;
  // Escape and a click on the canvas close the panel, as they close every popover here.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Element && e.target.closest('.pc-canvas')) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);
  // Over the canvas's corner, never over the inspector's fields.
  const host = open ? (document.querySelector('.pc-main') ?? document.body) : null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`pc-checks-count${worst ? ` pc-checks-count--${worst}` : ''}`}
        aria-expanded={open}
        aria-controls="pc-checks-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {checked ? findingsLabel(findings) : 'Checks'}
      </button>
      {host ? createPortal(<ChecksPanel findings={checked} onClose={() => setOpen(false)} />, host) : null}
    </>
  );
}

function ChecksPanel({ findings, onClose }: { findings: readonly Finding[] | null; onClose: () => void }) {
  const store = useDesignStoreApi();
  const fit = useFitView();
  const checker = useChecker();
  const why = useMemo(() => new Map((checker?.RULES ?? []).map((r) => [r.id, r] as const)), [checker]);
  const show = (f: Finding) => {
    store.getState().select([...f.nodeIds, ...f.linkIds]);
    // A link's ends are what the view can frame.
    const ids = new Set(f.nodeIds);
    for (const l of store.getState().design.links)
      if (f.linkIds.includes(l.id)) {
        ids.add(l.source);
        ids.add(l.target);
      }
    if (ids.size > 0) fit({ ids: [...ids], padding: 0.4, duration: 200, maxZoom: 1.2 });
  };
  return (
    <section id="pc-checks-panel" className="pc-checks" aria-label="Checks">
      <header className="pc-checks__head">
        <h2>Checks</h2>
        <button type="button" aria-label="Close checks" onClick={onClose}>
          ×
        </button>
      </header>
      {findings === null ? (
        <p className="pc-checks__none">Checking…</p>
      ) : findings.length === 0 ? (
        <p className="pc-checks__none">No issues found. The checker runs as you edit.</p>
      ) : (
        <ul className="pc-checks__list">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={`pc-finding pc-finding--${f.severity}`}>
              <button type="button" className="pc-finding__main" onClick={() => show(f)}>
                <span className="pc-finding__sev">{f.severity === 'info' ? 'note' : f.severity}</span>
                <span className="pc-finding__msg">{f.message}</span>
              </button>
              <details>
                <summary>{why.get(f.rule)?.title ?? 'Why it matters'}</summary>
                <p>{why.get(f.rule)?.why}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
