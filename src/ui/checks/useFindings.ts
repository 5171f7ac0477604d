import { useDeferredValue, useState } from 'react';
import { checkDesign, type Finding, type Severity } from '../../core/checks';
import { sameExceptLayout, type Design } from '../../core';
import type { DesignState } from '../../app/store';
import { useDesignStore } from '../../app/storeContext';
import { severityByNode } from './summary';

const findingsCache = new WeakMap<Design, readonly Finding[]>();
const severityCache = new WeakMap<readonly Finding[], ReadonlyMap<string, Severity>>();

/** The checker's findings for a design, computed once however many components ask. */
function findingsOf(design: Design): readonly Finding[] {
  let f = findingsCache.get(design);
  if (!f) findingsCache.set(design, (f = checkDesign(design)));
  return f;
}

/** The worst severity per node of a list of findings, computed once per list. */
export function severitiesOf(findings: readonly Finding[]): ReadonlyMap<string, Severity> {
  let m = severityCache.get(findings);
  if (!m) severityCache.set(findings, (m = severityByNode(findings)));
  return m;
}

/**
 * The checker's findings for the current design, or null until the first check has run. A
 * selector keeps the last design while only positions change, so a drag neither re-runs the
 * checker nor re-renders the caller. The check runs in a deferred render: opening a large design
 * draws its cards first, and typing is never held up by it.
 */
export function useFindings(): readonly Finding[] | null {
  const [selectChecked] = useState(() => {
    let last: Design | null = null;
    return (s: DesignState) => (last && sameExceptLayout(last, s.design) ? last : (last = s.design));
  });
  const design = useDesignStore(selectChecked);
  const deferred = useDeferredValue<Design | null>(design, null);
  return deferred ? findingsOf(deferred) : null;
}
