import fc from 'fast-check';
import { NODE_KINDS } from '../../catalog/catalog';
import { emptyDesign, type Design } from '../../model/types';
import { addNode, allowedLinkKinds, connect } from '../../ops/ops';

/**
 * Random designs for property tests of the deployment generators: 1 to 60 nodes of any kind with
 * names full of hostile characters, random valid links, odd ports (repeats included), replicas
 * from 0 to 4 and user environment variables.
 */

const hostileChar = fc.constantFrom(
  'a',
  'b',
  'Z',
  '0',
  '7',
  '-',
  '_',
  ' ',
  '.',
  '/',
  ';',
  '"',
  "'",
  '$',
  '`',
  '\n',
  '#',
  ':',
  '{',
  '}',
  '<',
  '名',
  'é',
  '\u0000',
);
const hostileName = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 30 }),
  fc.constantFrom('class', 'kustomization', 'kafka-init', 'a'.repeat(200), '../../etc', '; rm -rf /'),
);

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  name: hostileName,
  replicas: fc.integer({ min: 0, max: 4 }),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  // version 2: an image of the node's own, a host port apart from its port (0: none published)
  image: fc.option(fc.constantFrom('ghcr.io/acme/app:1.2', 'mailhog/mailhog:v1.0.1', 'bitnami/kafka:3.6'), {
    nil: undefined,
  }),
  hostPort: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 65535 })), { nil: undefined }),
  env: fc.array(fc.tuple(fc.constantFrom('FOO', 'PORT', 'X_1', 'bad key', 'A'), hostileName), { maxLength: 3 }),
});

const linkArb = fc.record({ from: fc.nat(), to: fc.nat(), pick: fc.nat(), topic: hostileName });

export const designArb: fc.Arbitrary<Design> = fc
  .record({
    name: hostileName,
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 60 }),
    links: fc.array(linkArb, { maxLength: 90 }),
  })
  .map(({ name, nodes, links }) => {
    let d = emptyDesign(name);
    for (const [i, n] of nodes.entries()) {
      const r = addNode(d, { kind: n.kind, name: n.name, position: { x: 0, y: 0 }, id: `n${i}` });
      if (!r.ok) continue;
      d = {
        ...r.design,
        nodes: r.design.nodes.map((x) =>
          x.id === r.id
            ? {
                ...x,
                replicas: n.replicas,
                port: n.port ?? x.port,
                ...(n.image !== undefined ? { image: n.image } : {}),
                ...(n.hostPort !== undefined ? { hostPort: n.hostPort } : {}),
                env: n.env.map(([key, value]) => ({ key, value })),
              }
            : x,
        ),
      };
    }
    for (const [i, l] of links.entries()) {
      const s = d.nodes[l.from % d.nodes.length];
      const t = d.nodes[l.to % d.nodes.length];
      if (!s || !t) continue;
      const kinds = allowedLinkKinds(s.kind, t.kind);
      const kind = kinds[l.pick % Math.max(1, kinds.length)];
      if (!kind) continue;
      const r = connect(d, { source: s.id, target: t.id, kind, id: `l${i}` });
      if (!r.ok) continue;
      d = {
        ...r.design,
        links: r.design.links.map((x) => (x.id === r.id && kind === 'queue' ? { ...x, topic: l.topic } : x)),
      };
    }
    return d;
  });
