import { LINK_KINDS, RUNTIMES, describeKind, isRuntime, roleOf, type Role } from '../../catalog/catalog';
import { dnsLabel, topicName } from '../../model/naming';
import type { Design, DesignLink, DesignNode } from '../../model/types';

/**
 * The architecture as a Mermaid `flowchart LR`. Node ids come from the DNS label (unique in a
 * design), prefixed so that no id is a Mermaid keyword (`end`, `graph`, `o`/`x` edge endings).
 */

/** The Mermaid node id of a node. */
export function mermaidId(node: DesignNode): string {
  return `n_${dnsLabel(node.name).replace(/-/g, '_')}`;
}

/** Text inside a quoted Mermaid label: markup characters become Mermaid entity codes. */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

const SHAPES: Record<Role, [string, string]> = {
  service: ['["', '"]'],
  broker: ['[["', '"]]'],
  database: ['[("', '")]'],
  gateway: ['{{"', '"}}'],
  frontend: ['(["', '"])'],
};

function nodeLine(node: DesignNode): string {
  const [open, close] = SHAPES[roleOf(node.kind)];
  const label = `${mermaidText(node.name)}<br/>${mermaidText(describeKind(node.kind).label)}`;
  return `  ${mermaidId(node)}${open}${label}${close}`;
}

function edgeLabel(link: DesignLink): string {
  if (link.kind === 'queue') return topicName(link.topic);
  if (link.kind === 'database') return 'db';
  return LINK_KINDS[link.kind].label;
}

/** The flowchart text, without the Markdown fence. */
export function mermaidFlowchart(design: Design): string {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const lines = ['flowchart LR'];
  // A boundary is a subgraph holding its cards; cards outside every boundary stay at the top level.
  const inside = new Set<string>();
  for (const [i, b] of (design.boundaries ?? []).entries()) {
    const members = b.members.flatMap((m) => byId.get(m) ?? []);
    lines.push(`  subgraph b_${i + 1}["${mermaidText(b.name)}"]`);
    for (const m of members) {
      inside.add(m.id);
      lines.push(`  ${nodeLine(m)}`);
    }
    lines.push('  end');
  }
  for (const n of design.nodes) if (!inside.has(n.id)) lines.push(nodeLine(n));
  for (const link of design.links) {
    const s = byId.get(link.source);
    const t = byId.get(link.target);
    if (!s || !t) continue;
    const arrow = LINK_KINDS[link.kind].sync ? '-->' : '-.->';
    lines.push(`  ${mermaidId(s)} ${arrow}|"${mermaidText(edgeLabel(link))}"| ${mermaidId(t)}`);
  }
  const todo = design.nodes.filter((n) => isRuntime(n.kind) && RUNTIMES[n.kind].tier === 2);
  if (todo.length > 0) {
    lines.push('  classDef todo stroke-dasharray: 5 5');
    lines.push(`  class ${todo.map(mermaidId).join(',')} todo`);
  }
  return lines.join('\n');
}
