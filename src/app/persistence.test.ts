import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreText } from '../core';
import { startApp } from './bootstrap';
import {
  AUTOSAVE_DELAY_MS,
  BACKUP_KEY,
  STORAGE_KEY,
  keepBackup,
  loadSaved,
  serializeDesign,
  startAutosave,
  type StorageLike,
} from './persistence';
import { createDesignStore } from './store';

class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  writes = 0;
  failWrites = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.writes++;
    this.data.set(key, value);
  }
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once, 400 ms after the last change of a burst', () => {
    const storage = new FakeStorage();
    const store = createDesignStore();
    const autosave = startAutosave(store, storage);
    store.getState().addNode('kafka', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    store.getState().addNode('redis', { x: 100, y: 0 });
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    const saved = restoreText(storage.getItem(STORAGE_KEY)!);
    expect(saved.ok && saved.design.nodes.map((n) => n.kind)).toEqual(['kafka', 'redis']);
    autosave.stop();
  });

  it('writes nothing during a drag, however long, and saves the drop after the usual delay', () => {
    const storage = new FakeStorage();
    const store = createDesignStore();
    const autosave = startAutosave(store, storage);
    const added = store.getState().addNode('kafka', { x: 0, y: 0 });
    if (!added.ok) throw new Error(added.reason);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    store.getState().beginDrag();
    for (let i = 1; i <= 10; i++) {
      store.getState().moveNodes(new Map([[added.id, { x: i * 10, y: 0 }]]));
      // A slow drag: a pause longer than the delay between two moves.
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    }
    expect(storage.writes).toBe(1);
    store.getState().endDrag();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(storage.writes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(2);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).nodes[0].position).toEqual({ x: 100, y: 0 });
    autosave.stop();
  });

  it('writes a drag in progress when the page goes away', () => {
    const storage = new FakeStorage();
    const store = createDesignStore();
    const autosave = startAutosave(store, storage);
    const added = store.getState().addNode('kafka', { x: 0, y: 0 });
    if (!added.ok) throw new Error(added.reason);
    autosave.flush();
    store.getState().beginDrag();
    store.getState().moveNodes(new Map([[added.id, { x: 40, y: 20 }]]));
    autosave.flush();
    expect(storage.writes).toBe(2);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).nodes[0].position).toEqual({ x: 40, y: 20 });
    autosave.stop();
  });

  it('flushes a pending write at once and does nothing when nothing is pending', () => {
    const storage = new FakeStorage();
    const store = createDesignStore();
    const autosave = startAutosave(store, storage);
    autosave.flush();
    expect(storage.writes).toBe(0);
    store.getState().setViewport({ x: 1, y: 2, zoom: 0.75 });
    autosave.flush();
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).viewport).toEqual({ x: 1, y: 2, zoom: 0.75 });
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
    autosave.stop();
  });

  it('reports a failing write once per run of failures', () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const errors: string[] = [];
    const store = createDesignStore();
    const autosave = startAutosave(store, storage, { onError: (m) => errors.push(m) });
    store.getState().addNode('kafka', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    store.getState().addNode('nats', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Autosave failed');
    autosave.stop();
  });
});

describe('loading the saved design', () => {
  it('round-trips a design exactly, positions and viewport included', () => {
    const store = createDesignStore();
    const s = store.getState();
    const a = s.addNode('python-fastapi', { x: 12, y: 34 });
    const b = store.getState().addNode('kafka', { x: 300, y: 40 });
    if (!a.ok || !b.ok) throw new Error('add failed');
    store.getState().connect(a.id, b.id);
    store.getState().moveNodes(new Map([[a.id, { x: 12.5, y: -7.25 }]]));
    store.getState().setViewport({ x: -120.5, y: 33, zoom: 1.25 });
    const storage = new FakeStorage();
    storage.setItem(STORAGE_KEY, serializeDesign(store.getState().design));
    const out = loadSaved(storage);
    expect(out).toEqual({ status: 'loaded', design: store.getState().design, warnings: [], backupKey: null });
  });

  it('reports an empty storage', () => {
    expect(loadSaved(new FakeStorage())).toEqual({ status: 'empty' });
  });

  it('keeps a corrupt value under the backup key before anything overwrites it', () => {
    const storage = new FakeStorage();
    storage.setItem(STORAGE_KEY, '{"format": "polyglot-canvas/design", "version": 1, "nodes": [');
    const out = loadSaved(storage);
    expect(out.status).toBe('corrupt');
    expect(out.status === 'corrupt' && out.backupKey).toBe(BACKUP_KEY);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"format": "polyglot-canvas/design", "version": 1, "nodes": [');
  });

  it('never overwrites an older backup with other content, and reuses one with the same content', () => {
    const storage = new FakeStorage();
    storage.setItem(BACKUP_KEY, 'older broken copy');
    expect(keepBackup(storage, 'new broken copy')).toBe(`${BACKUP_KEY}-2`);
    expect(keepBackup(storage, 'new broken copy')).toBe(`${BACKUP_KEY}-2`);
    expect(storage.getItem(BACKUP_KEY)).toBe('older broken copy');
  });

  it('starts the app with a banner naming the backup key, and autosave replaces the broken value', () => {
    vi.useFakeTimers();
    try {
      const storage = new FakeStorage();
      storage.setItem(STORAGE_KEY, 'not json at all');
      const { store, autosave } = startApp(storage);
      const banner = store.getState().notices[0];
      expect(banner?.placement).toBe('banner');
      expect(banner?.text).toMatch(/^Your saved design could not be read: .*not valid JSON/);
      expect(banner?.text).toContain(`kept under key "${BACKUP_KEY}"`);
      store.getState().addNode('kafka', { x: 0, y: 0 });
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(storage.getItem(BACKUP_KEY)).toBe('not json at all');
      expect(restoreText(storage.getItem(STORAGE_KEY)!).ok).toBe(true);
      autosave?.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('pauses autosave when the broken value cannot be backed up', () => {
    const storage = new FakeStorage();
    storage.setItem(STORAGE_KEY, '{broken');
    storage.failWrites = true;
    const { store, autosave } = startApp(storage);
    expect(autosave).toBeNull();
    expect(store.getState().notices[0]?.text).toContain('autosave is paused');
  });

  it('backs up the original when the saved design needed repairs', () => {
    const storage = new FakeStorage();
    const raw = JSON.stringify({
      format: 'polyglot-canvas/design',
      version: 1,
      name: 'x',
      nodes: [{ id: 'a', kind: 'cobol-mainframe', name: 'old' }],
      links: [],
    });
    storage.setItem(STORAGE_KEY, raw);
    const out = loadSaved(storage);
    expect(out.status === 'loaded' && out.warnings.length).toBe(1);
    expect(out.status === 'loaded' && out.backupKey).toBe(BACKUP_KEY);
    expect(storage.getItem(BACKUP_KEY)).toBe(raw);
  });
});
