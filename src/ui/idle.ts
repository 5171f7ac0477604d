import { useEffect, useState } from 'react';

/**
 * Runs `run` once the browser has a moment with nothing to do (at most `timeoutMs` later), or
 * soon where the browser cannot tell. Returns a cancel function.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const t = setTimeout(run, 0);
  return () => clearTimeout(t);
}

/**
 * Runs `run` once the page has drawn two more frames and then has a moment with nothing to do (at
 * most `timeoutMs` after those frames): the frames let a canvas being opened measure and show its
 * cards before. Returns a cancel function.
 */
export function afterDrawnAndIdle(run: () => void, timeoutMs: number): () => void {
  let cancel = () => undefined as void;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      cancel = whenIdle(run, timeoutMs);
    });
  });
  return () => {
    if (frame) cancelAnimationFrame(frame);
    cancel();
  };
}

let pageIdled = false;

/**
 * False until the page has drawn and then been idle once since it loaded (see
 * `afterDrawnAndIdle`), then true for every caller. Work that can wait a few frames — the checker's
 * first run, the minimap's first picture — waits for it, so that opening a design draws its
 * cards first.
 */
export function usePageIdled(timeoutMs = 1000): boolean {
  const [idled, setIdled] = useState(pageIdled);
  useEffect(() => {
    if (idled) return;
    return afterDrawnAndIdle(() => {
      pageIdled = true;
      setIdled(true);
    }, timeoutMs);
  }, [idled, timeoutMs]);
  return idled;
}
