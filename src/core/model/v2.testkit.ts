import { isBroker, type FieldType, type HttpMethod, type LinkKind } from '../catalog/catalog';
import { dnsLabel } from './naming';
import { restore } from './restore';
import { DESIGN_FORMAT, type Design } from './types';

/**
 * Test support: designs written the way design version 2 wrote contracts (fields on the links)
 * and read through the migration, as a version-2 file is. Tests that exercise the stubs with
 * flat contracts describe them this way; the migration makes them version-3 designs.
 */

export interface V2Field {
  name: string;
  type: FieldType;
}
export interface V2Endpoint {
  method: HttpMethod;
  path: string;
  request: V2Field[];
  response: V2Field[];
}
export interface V2Rpc {
  name: string;
  request: V2Field[];
  response: V2Field[];
}
/** What a version-2 link declared. */
export interface V2Contract {
  endpoints?: V2Endpoint[];
  rpcs?: V2Rpc[];
  topic?: string;
  message?: V2Field[];
}
export interface V2Link extends Required<V2Contract> {
  id: string;
  kind: LinkKind;
  source: string;
  target: string;
}

/** A link as version 2's `connect` made it (its starter contract), with `patch` over it. */
export function v2Link(
  design: Pick<Design, 'nodes'>,
  links: readonly V2Link[],
  id: string,
  kind: LinkKind,
  source: string,
  target: string,
  patch: V2Contract = {},
): V2Link {
  const s = design.nodes.find((n) => n.id === source);
  const t = design.nodes.find((n) => n.id === target);
  const link: V2Link = { id, kind, source, target, endpoints: [], rpcs: [], topic: '', message: [] };
  if (kind === 'rest')
    link.endpoints = [
      {
        method: 'GET',
        path: `/${dnsLabel(t?.name ?? target)}/{id}`.replace(/-service/, ''),
        request: [],
        response: [
          { name: 'id', type: 'string' },
          { name: 'status', type: 'string' },
        ],
      },
    ];
  else if (kind === 'grpc')
    link.rpcs = [
      {
        name: 'GetItem',
        request: [{ name: 'id', type: 'string' }],
        response: [
          { name: 'id', type: 'string' },
          { name: 'score', type: 'float' },
        ],
      },
    ];
  else if (kind === 'queue') {
    const broker = s && isBroker(s.kind) ? s : t;
    const other = broker === s ? t : s;
    const existing = links.find(
      (l) => l.kind === 'queue' && (l.source === broker?.id || l.target === broker?.id) && l.topic,
    );
    link.topic = existing?.topic ?? `${dnsLabel(other?.name ?? '').replace(/-service$/, '')}-events`;
    link.message = existing?.message.map((f) => ({ ...f })) ?? [
      { name: 'id', type: 'string' },
      { name: 'kind', type: 'string' },
      { name: 'at', type: 'string' },
    ];
  }
  return { ...link, ...patch };
}

/** The version-3 design of nodes (made with the ops) and version-2 links, through the migration. */
export function fromV2(design: Design, links: readonly V2Link[]): Design {
  const doc = {
    format: DESIGN_FORMAT,
    version: 2,
    name: design.name,
    nodes: design.nodes,
    links,
    viewport: design.viewport,
  };
  const r = restore(JSON.parse(JSON.stringify(doc)));
  if (!r.ok) throw new Error(r.error);
  return r.design;
}
