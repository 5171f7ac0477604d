import { describe, expect, it, vi } from 'vitest';
import { TEMPLATES } from '../../core/templates';
import { readIncomingShare, shareLinkFor, watchShareLinks, type IncomingShare, type ShareWindow } from './incoming';
import { MAX_SHARE_LENGTH, encodeShareFragment } from './shareLink';

const shop = () => {
  const t = TEMPLATES.find((x) => x.id === 'polyglot-shop');
  if (!t) throw new Error('no shop template');
  return t.build();
};

function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const win = {
    location: { hash, pathname: '/app/', search: '?x=1' },
    history: {
      state: null,
      replaceState: vi.fn((_d: unknown, _u: string, url?: string) => {
        if (url !== undefined && !url.includes('#')) win.location.hash = '';
      }),
    },
    addEventListener: (_t: 'hashchange', l: () => void) => listeners.add(l),
    removeEventListener: (_t: 'hashchange', l: () => void) => listeners.delete(l),
  } satisfies ShareWindow;
  const navigate = (h: string) => {
    win.location.hash = h;
    for (const l of listeners) l();
  };
  return { win, navigate, listeners };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('shareLinkFor', () => {
  it('builds origin + path + fragment and reports its length', async () => {
    const design = shop();
    const link = await shareLinkFor({ origin: 'https://example.org', pathname: '/canvas/' }, design);
    expect(link.url).toBe('https://example.org/canvas/' + (await encodeShareFragment(design)));
    expect(link.length).toBe(link.url.length);
    expect(link.tooLong).toBe(false);
  });

  it('flags a link longer than the limit', async () => {
    const design = { ...shop(), description: Array.from({ length: 4000 }, (_, i) => `w${i * 7919}`).join(' ') };
    const link = await shareLinkFor({ origin: 'https://example.org', pathname: '/' }, design);
    expect(link.length).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(link.tooLong).toBe(true);
  });
});

describe('readIncomingShare', () => {
  it('ignores fragments that are not share links', async () => {
    expect(await readIncomingShare('')).toBeNull();
    expect(await readIncomingShare('#section')).toBeNull();
  });

  it('reads a design', async () => {
    const design = shop();
    const r = await readIncomingShare(await encodeShareFragment(design));
    expect(r).toEqual({ kind: 'design', design, warnings: [] });
  });

  it('turns hostile fragments into an error message', async () => {
    for (const hash of ['#d=%3Cscript%3E', '#d=AAAA', '#d=']) {
      const r = await readIncomingShare(hash);
      expect(r?.kind).toBe('error');
      expect(r?.kind === 'error' && r.message).toMatch(/share link/i);
    }
  });
});

describe('watchShareLinks', () => {
  it('hands over the link found at load, then clears the fragment', async () => {
    const design = shop();
    const { win } = fakeWindow(await encodeShareFragment(design));
    const got: IncomingShare[] = [];
    const stop = watchShareLinks(win, (s) => got.push(s));
    await settle();
    expect(got).toEqual([{ kind: 'design', design, warnings: [] }]);
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/app/?x=1');
    stop();
  });

  it('reacts to hashchange, leaves other fragments alone, and stops when asked', async () => {
    const { win, navigate, listeners } = fakeWindow('#intro');
    const got: IncomingShare[] = [];
    const stop = watchShareLinks(win, (s) => got.push(s));
    await settle();
    expect(got).toEqual([]);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    navigate('#d=AAAA');
    await settle();
    expect(got.map((s) => s.kind)).toEqual(['error']);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('drops a decode that finishes after stop', async () => {
    const { win } = fakeWindow(await encodeShareFragment(shop()));
    const got: IncomingShare[] = [];
    watchShareLinks(win, (s) => got.push(s))();
    await settle();
    expect(got).toEqual([]);
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });
});
