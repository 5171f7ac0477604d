import {
  derivedNames,
  nodePackage,
  protoServiceName,
  updateGrpcService,
  updateNode,
  type DesignNode,
} from '../../core';
import { useDesignStore } from '../../app/storeContext';
import { TextField } from './controls';
import { useEdit } from './useEdit';

/**
 * The names the export derives from a service's name that a user may set instead: the prefix of
 * the variables callers read its address from, the package of its code, and the name and package
 * of its (first) gRPC service. Empty goes back to the derived name, shown as the placeholder.
 */
export function NamesEditor({ node, grpc }: { node: DesignNode; grpc: boolean }) {
  const { apply } = useEdit();
  const project = useDesignStore((s) => s.design.name);
  const derived = derivedNames(project, node.name);
  const svc = node.api?.grpc[0];
  const set = (patch: Parameters<typeof updateNode>[2], field: string) =>
    apply((d) => updateNode(d, node.id, patch), `node:${node.id}:${field}`);
  return (
    <section className="pc-contract" aria-label="Names">
      <h3 className="pc-contract__title">Names</h3>
      <TextField
        label="Environment prefix"
        className="pc-mono"
        value={node.envPrefix ?? ''}
        placeholder={derived.env}
        hint="What callers' address variables start with; empty for the derived one."
        apply={(v) => set({ envPrefix: v.trim() === '' ? undefined : v.trim() }, 'envPrefix')}
      />
      <TextField
        label="Code package"
        className="pc-mono"
        value={node.codePackage ?? ''}
        placeholder={`${derived.package} (derived)`}
        apply={(v) => set({ codePackage: v.trim() === '' ? undefined : v.trim() }, 'codePackage')}
      />
      {grpc && svc ? (
        <div className="pc-grid2">
          <TextField
            label="gRPC service"
            className="pc-mono"
            value={svc.name ?? ''}
            placeholder={protoServiceName(node.name)}
            apply={(v) =>
              apply((d) => updateGrpcService(d, node.id, svc.id, { name: v.trim() || null }), `svc:${svc.id}:name`)
            }
          />
          <TextField
            label="Proto package"
            className="pc-mono"
            value={svc.package ?? ''}
            placeholder={nodePackage(project, node)}
            apply={(v) =>
              apply(
                (d) => updateGrpcService(d, node.id, svc.id, { package: v.trim() || null }),
                `svc:${svc.id}:package`,
              )
            }
          />
        </div>
      ) : null}
    </section>
  );
}
