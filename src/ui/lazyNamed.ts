import { createElement, lazy, useState, type ComponentType, type ReactElement } from 'react';
import { afterDrawnAndIdle } from './idle';

type PropsOf<C> = C extends ComponentType<infer P> ? (unknown extends P ? object : P & object) : never;

/** A lazily loaded component that can also be loaded ahead of its first use. */
export type Preloadable<P extends object> = ((props: P) => ReactElement) & { preload: () => void };

/**
 * A component exported as `name` from a module loaded on first render (inside a `Suspense`), so that
 * opening the app does not load, compile and run the code of a panel nobody has opened yet. Once the
 * module is there (see `preload`), the component renders at once, without suspending: a key pressed
 * right after the click that showed it reaches it.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): Preloadable<PropsOf<M[K]>> {
  type P = PropsOf<M[K]>;
  let loaded: ComponentType<P> | null = null;
  const get = () => load().then((m) => (loaded = m[name] as ComponentType<P>));
  const Lazy = lazy(async () => ({ default: await get() }));
  function Part(props: P): ReactElement {
    // Chosen when the instance mounts, so that it keeps its state when the module arrives.
    const [component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(component, props);
  }
  return Object.assign(Part, { preload: () => void get().catch(() => undefined) });
}

/**
 * Loads the given components' code once the page has drawn and is idle, so that the first click
 * that needs one does not wait for the network.
 */
export function preloadWhenIdle(parts: readonly { preload: () => void }[], timeoutMs = 3000): () => void {
  return afterDrawnAndIdle(() => {
    for (const p of parts) p.preload();
  }, timeoutMs);
}
