import { labelTagSize, spreadForLabels, PRESENTER_LABEL_FONT, type BoxSize } from '../layout/labelRoom';
import { linkLabel } from '../generators/picture/style';
import type { DesignLink, DesignNode, XY } from '../model/types';

/**
 * Where the presenter draws each card. Its cards and labels are larger than the editor's, so the
 * layout grows with them: positions are first scaled by how much larger a card is (every gap
 * grows in proportion), then spread wherever a label at the presenter's size still does not fit
 * between the two cards it joins. The design itself is not changed.
 */
export function presentedPositions(
  design: { nodes: readonly DesignNode[]; links: readonly DesignLink[] },
  card: BoxSize,
  editorCard: BoxSize,
  fontSize = PRESENTER_LABEL_FONT,
): Map<string, XY> {
  const sx = Math.max(1, card.width / editorCard.width);
  const sy = Math.max(1, card.height / editorCard.height);
  const scaled = new Map(design.nodes.map((n) => [n.id, { x: n.position.x * sx, y: n.position.y * sy }]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const links = design.links.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    label: labelTagSize(linkLabel(l, kinds.get(l.source)), fontSize),
  }));
  const spread = spreadForLabels(scaled, links, { card, fontSize });
  for (const [id, p] of spread) spread.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  return spread;
}
