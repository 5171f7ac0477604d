import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures/make-fixtures';
import { TEMPLATES } from '../../core/templates';
import { addBoundary, addNote } from '../../core';
import { MAX_SHARE_LENGTH, decodeShareFragment, encodeShareFragment } from './shareLink';

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return '#d=' + Buffer.from(bytes).toString('base64url');
}

describe('share links', () => {
  it('round-trips every template exactly', async () => {
    for (const t of TEMPLATES) {
      const d = t.build();
      const r = await decodeShareFragment(await encodeShareFragment(d));
      expect(r?.ok && r.design).toEqual(d);
    }
  });

  it('carries boundaries and sticky notes', async () => {
    const shop = TEMPLATES.find((t) => t.id === 'polyglot-shop')!.build();
    const b = addBoundary(shop, {
      position: { x: -40, y: -60 },
      width: 900,
      height: 400,
      name: 'Storefront',
      kind: 'trust',
    });
    if (!b.ok) throw new Error(b.reason);
    const n = addNote(b.design, { position: { x: 0, y: 700 }, text: 'Ask: who owns the cart?' });
    if (!n.ok) throw new Error(n.reason);
    const r = await decodeShareFragment(await encodeShareFragment(n.design));
    expect(r?.ok && r.warnings).toEqual([]);
    expect(r?.ok && r.design).toEqual(n.design);
    expect(n.design.boundaries?.[0]?.members.length).toBeGreaterThan(0);
  });

  it('keeps the polyglot shop short enough to paste in a chat', async () => {
    const shop = TEMPLATES.find((t) => t.id === 'polyglot-shop');
    if (!shop) throw new Error('no shop template');
    const link = await encodeShareFragment(shop.build());
    expect(link.length).toBeLessThan(MAX_SHARE_LENGTH);
    expect(link).toMatch(/^#d=[A-Za-z0-9_-]+$/);
  });

  it('opens a share link made by version 2: the contracts move from the links to the services', async () => {
    const v2 = JSON.parse(
      readFileSync(new URL('../../../test/fixtures/v2/polyglot-shop.json', import.meta.url), 'utf8'),
    );
    const r = await decodeShareFragment(await deflate(JSON.stringify(v2)));
    expect(r?.ok && r.warnings).toEqual([]);
    expect(r?.ok && r.design).toEqual(fixture('polyglot-shop'));
    const inventory = r?.ok ? r.design.nodes.find((n) => n.name === 'inventory') : undefined;
    expect(inventory?.api?.grpc[0]?.rpcs.map((x) => x.name)).toEqual(['Reserve', 'CheckStock']);
  });

  it('answers null for a fragment that is not a share link', async () => {
    expect(await decodeShareFragment('#section-2')).toBeNull();
  });

  it('reports damaged, hostile and foreign links without throwing', async () => {
    const cases = [
      '#d=!!!<script>alert(1)</script>',
      '#d=AAAA',
      '#d=' + 'A'.repeat(300_000),
      await deflate('not json'),
      await deflate('{"format":"something-else"}'),
      await deflate(JSON.stringify({ format: 'polyglot-canvas/design', version: 99 })),
    ];
    for (const c of cases) {
      const r = await decodeShareFragment(c);
      expect(r?.ok).toBe(false);
      expect(r && !r.ok && r.error).toMatch(/link|design|Polyglot/);
    }
  });

  it('refuses a small link that inflates into a huge document', async () => {
    const bomb = await deflate(' '.repeat(20_000_000));
    expect(bomb.length).toBeLessThan(60_000);
    const r = await decodeShareFragment(bomb);
    expect(r && !r.ok && r.error).toContain('5 MB');
  });
});
