import { memo } from 'react';
import { LINK_STYLES, designThumbnail, type Thumbnail } from '../../core/generators/picture';
import type { Template } from '../../core/templates';

/** Each template's shapes, made once per page: the gallery opens again without any work. */
const made = new Map<string, Thumbnail>();

function thumbnailOf(template: Template): Thumbnail {
  let t = made.get(template.id);
  if (!t) {
    t = designThumbnail(template.build());
    made.set(template.id, t);
  }
  return t;
}

/**
 * A small picture of a template's design in the gallery: its cards with their kind's colour, its
 * links, boundaries and notes. Drawn as SVG in the page's own colours (CSS variables), so it is
 * sharp at any density and follows the light or dark theme. Decorative: the card's title and
 * text say what the template is.
 */
function TemplateThumbnailView({ template }: { template: Template }) {
  const t = thumbnailOf(template);
  return (
    <svg
      className="pc-template__thumb"
      viewBox={t.viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
      data-cards={t.cards.length}
    >
      {t.boundaries.map((b) => (
        <rect
          key={b.id}
          className="pc-thumb__boundary"
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          rx={14}
          style={{ fill: b.color, stroke: b.color }}
        />
      ))}
      {t.links.map((l) => (
        <path
          key={l.id}
          className={`pc-thumb__link pc-thumb__link--${l.kind}`}
          d={l.d}
          style={l.kind === 'rest' ? undefined : { stroke: LINK_STYLES[l.kind].color }}
          strokeDasharray={LINK_STYLES[l.kind].dash ?? undefined}
        />
      ))}
      {t.cards.map((c) => (
        <g key={c.id} className="pc-thumb__card">
          <rect x={c.x} y={c.y} width={c.width} height={c.height} rx={10} className="pc-thumb__body" />
          <rect x={c.x + 14} y={c.y + c.height / 2 - 17} width={34} height={34} rx={8} style={{ fill: c.color }} />
          <rect
            x={c.x + 60}
            y={c.y + c.height / 2 - 12}
            width={c.width * 0.5}
            height={9}
            rx={4.5}
            className="pc-thumb__line"
          />
          <rect
            x={c.x + 60}
            y={c.y + c.height / 2 + 5}
            width={c.width * 0.3}
            height={7}
            rx={3.5}
            className="pc-thumb__line pc-thumb__line--2"
          />
        </g>
      ))}
      {t.notes.map((n) => (
        <rect key={n.id} className="pc-thumb__note" x={n.x} y={n.y} width={n.width} height={n.height} rx={4} />
      ))}
    </svg>
  );
}

export const TemplateThumbnail = memo(TemplateThumbnailView);
