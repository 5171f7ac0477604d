import { describe, expect, it } from 'vitest';
import { INFRA_IDS, LINK_KIND_IDS, NODE_KINDS, describeKind, type DesignLink, type Endpoint } from '../../core';
import { LINK_STYLES, pictureLinkLabel } from '../../core/generators/picture';
import { badgeInk } from '../../core/generators/picture/style';
import { LINK_COLORS, linkLabel } from '../canvas/flowModel';
import { inkOn } from '../palette/paletteModel';

/** The picture draws what the canvas draws: the same words and colours, kept in step here. */
describe('pictures match the canvas', () => {
  const link = (over: Partial<DesignLink>): DesignLink => ({
    id: 'l',
    kind: 'rest',
    source: 's',
    target: 't',
    endpoints: [],
    rpcs: [],
    topic: '',
    message: [],
    ...over,
  });
  const endpoint: Endpoint = { method: 'GET', path: '/x', request: [], response: [] };
  const rpc = { name: 'Get', request: [], response: [] };

  it('labels every kind of link as the canvas does', () => {
    const cases: DesignLink[] = [
      link({ kind: 'rest' }),
      link({ kind: 'rest', endpoints: [endpoint, endpoint, endpoint] }),
      link({ kind: 'grpc', rpcs: [rpc, rpc] }),
      link({ kind: 'queue', topic: 'orders' }),
      link({ kind: 'queue' }),
      link({ kind: 'database' }),
    ];
    for (const l of cases)
      for (const from of [undefined, 'python-fastapi', ...INFRA_IDS] as const)
        expect(pictureLinkLabel(l, from)).toBe(linkLabel(l, from));
  });

  it('colours links and badges as the canvas does', () => {
    for (const k of LINK_KIND_IDS) expect(LINK_STYLES[k].color).toBe(LINK_COLORS[k]);
    for (const k of NODE_KINDS) expect(badgeInk(describeKind(k).color)).toBe(inkOn(describeKind(k).color));
  });
});
