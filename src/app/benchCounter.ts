/**
 * Opt-in render counter for `npm run bench`: only a page opened with `?bench=1` counts; otherwise
 * `countRender` is an empty function and nothing is put on `window`.
 */
declare global {
  interface Window {
    __polyglotBench?: { renders(): number; reset(): void };
  }
}

const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');
let renders = 0;

export const countRender: () => void = enabled
  ? () => {
      renders++;
    }
  : () => {};

if (enabled)
  window.__polyglotBench = {
    renders: () => renders,
    reset: () => {
      renders = 0;
    },
  };
