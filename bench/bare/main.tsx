import { StrictMode, memo } from 'react';
import { createRoot } from 'react-dom/client';
import { Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { countRender } from '../../src/app/benchCounter';

/**
 * The baseline: the same nodes, edges and viewport as the app's saved design, in a default
 * `<ReactFlow>` and nothing else. The one custom node type draws the default node (same class,
 * same handles) and counts its renders like the app's ServiceNode does under `?bench=1`.
 * With `?culled=1`, React Flow at its best: `onlyRenderVisibleElements`, its own culling.
 */
interface SavedNode {
  id: string;
  name: string;
  position: { x: number; y: number };
}
interface Saved {
  nodes: SavedNode[];
  links: { id: string; source: string; target: string }[];
  viewport: { x: number; y: number; zoom: number };
}
type BareNode = Node<{ label: string }, 'counted'>;

const CountedDefaultNode = memo(function CountedDefaultNode({ data }: NodeProps<BareNode>) {
  countRender();
  return (
    <>
      <Handle type="target" position={Position.Top} />
      {data.label}
      <Handle type="source" position={Position.Bottom} />
    </>
  );
});
const nodeTypes = { counted: CountedDefaultNode };

const saved = JSON.parse(localStorage.getItem('polyglot-canvas/design') ?? '{"nodes":[],"links":[]}') as Saved;
const nodes: BareNode[] = saved.nodes.map((n) => ({
  id: n.id,
  type: 'counted',
  className: 'react-flow__node-default',
  position: n.position,
  data: { label: n.name },
}));
const edges: Edge[] = saved.links.map((l) => ({ id: l.id, source: l.source, target: l.target }));

const culled = new URLSearchParams(location.search).has('culled');
const viewport = saved.viewport ?? { x: 0, y: 0, zoom: 1 };
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <ReactFlow
      nodeTypes={nodeTypes}
      defaultNodes={nodes}
      defaultEdges={edges}
      defaultViewport={viewport}
      onlyRenderVisibleElements={culled}
      // React Flow's least zoom is 0.5 by default; a design saved further out keeps its zoom.
      minZoom={Math.min(0.5, viewport.zoom)}
    />
  </StrictMode>,
);
