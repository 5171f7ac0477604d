import { BOUNDARY_KINDS, describeKind, type Design, type PresentationStep } from '../../core';
import { linkLabel } from '../canvas/flowModel';

/** How a step reads in the control bar and the order list: a node's name, or "a → b · REST". */
export function stepLabel(design: Pick<Design, 'nodes' | 'links' | 'boundaries'>, step: PresentationStep): string {
  if (step.kind === 'boundary') {
    const b = design.boundaries?.find((x) => x.id === step.id);
    return b ? `${b.name} (${BOUNDARY_KINDS[b.kind]})` : '';
  }
  if (step.kind === 'node') {
    const node = design.nodes.find((n) => n.id === step.id);
    return node ? `${node.name} (${describeKind(node.kind).label})` : '';
  }
  const link = design.links.find((l) => l.id === step.id);
  if (!link) return '';
  const source = design.nodes.find((n) => n.id === link.source);
  const target = design.nodes.find((n) => n.id === link.target);
  return `${source?.name ?? '?'} → ${target?.name ?? '?'} · ${linkLabel(link, source?.kind)}`;
}
