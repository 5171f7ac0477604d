import type { Design } from '../../core';
import { MAX_SHARE_LENGTH, SHARE_PREFIX, decodeShareFragment, encodeShareFragment } from './shareLink';

/** What a `#d=` fragment in the address bar turned out to be. */
export type IncomingShare =
  { kind: 'design'; design: Design; warnings: readonly string[] } | { kind: 'error'; message: string };

export interface ShareLink {
  url: string;
  length: number;
  /** Longer than chats and mail carry reliably: offer the file instead. */
  tooLong: boolean;
}

/** The link that opens `design` in this app at `origin + pathname`. */
export async function shareLinkFor(place: { origin: string; pathname: string }, design: Design): Promise<ShareLink> {
  const url = place.origin + place.pathname + (await encodeShareFragment(design));
  return { url, length: url.length, tooLong: url.length > MAX_SHARE_LENGTH };
}

/** Reads the address bar's fragment; null when it is not a share link at all. Never throws. */
export async function readIncomingShare(hash: string): Promise<IncomingShare | null> {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const r = await decodeShareFragment(hash);
  if (!r) return null;
  if (!r.ok) return { kind: 'error', message: r.error };
  return { kind: 'design', design: r.design, warnings: r.warnings };
}

export interface ShareWindow {
  location: { hash: string; pathname: string; search: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Looks at the fragment now and on every hashchange. Each share link found is handed over once and
 * then removed from the address bar, so a reload does not ask again. Returns a stop function;
 * a decode still running when stopped, or overtaken by a newer fragment, is dropped.
 */
export function watchShareLinks(win: ShareWindow, onIncoming: (share: IncomingShare) => void): () => void {
  let latest = 0;
  let stopped = false;
  const check = () => {
    const hash = win.location.hash;
    if (!hash.startsWith(SHARE_PREFIX)) return;
    const ticket = ++latest;
    void readIncomingShare(hash).then((share) => {
      if (stopped || ticket !== latest || !share) return;
      win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
      onIncoming(share);
    });
  };
  win.addEventListener('hashchange', check);
  check();
  return () => {
    stopped = true;
    win.removeEventListener('hashchange', check);
  };
}
