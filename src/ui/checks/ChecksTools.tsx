import { memo, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { ViewportPortal, useInternalNode, useReactFlow } from '@xyflow/react';
import { RULES, checkDesign, type Finding, type Severity } from '../../core/checks';
import { sameExceptLayout, type Design } from '../../core';
import type { DesignState } from '../../app/store';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { findingsLabel, severityByNode } from './summary';

const WHY = new Map(RULES.map((r) => [r.id, r] as const));

/** The checker's count in the top bar, its panel, and the badges on nodes with findings. */
export function ChecksTools() {
  // A selector that keeps the last design while only positions change, so a drag neither re-runs
  // the checker nor re-renders this component.
  const [selectChecked] = useState(() => {
    let last: Design | null = null;
    return (s: DesignState) => (last && sameExceptLayout(last, s.design) ? last : (last = s.design));
  });
  const design = useDesignStore(selectChecked);
  const findings = useMemo(() => checkDesign(design), [design]);
  const badges = useMemo(() => [...severityByNode(findings)], [findings]);
  const [open, setOpen] = useState(false);
  const worst = findings[0]?.severity;
  return (
    <>
      <button
        type="button"
        className={`pc-checks-count${worst ? ` pc-checks-count--${worst}` : ''}`}
        aria-expanded={open}
        aria-controls="pc-checks-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {findingsLabel(findings)}
      </button>
      {open ? createPortal(<ChecksPanel findings={findings} onClose={() => setOpen(false)} />, document.body) : null}
      <ViewportPortal>
        {badges.map(([id, severity]) => (
          <Badge key={id} id={id} severity={severity} />
        ))}
      </ViewportPortal>
    </>
  );
}

/** One badge; it follows only its own node, so a drag re-renders one badge, not every node. */
const Badge = memo(function Badge({ id, severity }: { id: string; severity: Severity }) {
  const node = useInternalNode(id);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 0;
  return (
    <span
      className={`pc-check-badge pc-check-badge--${severity}`}
      data-node-id={id}
      title={`This node has a ${severity === 'info' ? 'note' : severity}: see Checks`}
      style={{ transform: `translate(${x + width - 9}px, ${y - 9}px)` }}
    >
      {severity === 'error' ? '!' : severity === 'warning' ? '!' : 'i'}
    </span>
  );
});

function ChecksPanel({ findings, onClose }: { findings: readonly Finding[]; onClose: () => void }) {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const show = (f: Finding) => {
    store.getState().select([...f.nodeIds, ...f.linkIds]);
    // A link's ends are what the view can frame.
    const ids = new Set(f.nodeIds);
    for (const l of store.getState().design.links)
      if (f.linkIds.includes(l.id)) {
        ids.add(l.source);
        ids.add(l.target);
      }
    if (ids.size > 0)
      void flow.fitView({ nodes: [...ids].map((id) => ({ id })), padding: 0.4, duration: 200, maxZoom: 1.2 });
  };
  return (
    <section id="pc-checks-panel" className="pc-checks" aria-label="Checks">
      <header className="pc-checks__head">
        <h2>Checks</h2>
        <button type="button" aria-label="Close checks" onClick={onClose}>
          ×
        </button>
      </header>
      {findings.length === 0 ? (
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
                <summary>{WHY.get(f.rule)?.title ?? 'Why it matters'}</summary>
                <p>{WHY.get(f.rule)?.why}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
