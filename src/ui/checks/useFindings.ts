import { useDeferredValue, useEffect, useState } from 'react';
import type { Finding, Severity } from '../../core/checks';
import { sameExceptLayout, type Design } from '../../core';
import type { DesignState } from '../../app/store';
import { useDesignStore } from '../../app/storeContext';
import { severityByNode } from './summary';
import { usePageIdled } from '../idle';

const findingsCache = new WeakMap<Design, readonly Finding[]>();
const severityCache = new WeakMap<readonly Finding[], ReadonlyMap<string, Severity>>();

type Checker = typeof import('../../core/checks');
let loaded: Checker | null = null;
let loading: Promise<Checker> | null = null;

/**
 * The checker's code (its rules), loaded once the page has been idle, so that opening a design
 * neither loads nor runs it before the cards are drawn; null until then.
 */
export function useChecker(): Checker | null {
  const idled = usePageIdled();
  const [checker, setChecker] = useState(loaded);
  useEffect(() => {
    if (!idled || checker) return;
    let live = true;
    loading ??= import('../../core/checks').then((m) => (loaded = m));
    loading.then(
      (m) => {
        if (live) setChecker(m);
      },
      () => {
        // A failed load (the network went away) is tried again on the next render that asks.
        loading = null;
      },
    );
    return () => {
      live = false;
    };
  }, [idled, checker]);
  return checker;
}

/** The checker's findings for a design, computed once however many components ask. */
function findingsOf(checker: Checker, design: Design): readonly Finding[] {
  let f = findingsCache.get(design);
  if (!f) findingsCache.set(design, (f = checker.checkDesign(design)));
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
 * checker nor re-renders the caller. The check runs in a deferred render, and the first one only
 * once the page has been idle and the checker loaded: opening a design draws its cards first, and
 * typing is never held up by it.
 */
export function useFindings(): readonly Finding[] | null {
  const [selectChecked] = useState(() => {
    let last: Design | null = null;
    return (s: DesignState) => (last && sameExceptLayout(last, s.design) ? last : (last = s.design));
  });
  const design = useDesignStore(selectChecked);
  const checker = useChecker();
  const deferred = useDeferredValue<Design | null>(checker ? design : null, null);
  return deferred && checker ? findingsOf(checker, deferred) : null;
}
