import {
  INFRA,
  RUNTIMES,
  RUNTIME_IDS,
  TEXT_LIMITS,
  dnsLabel,
  derivedNames,
  describeKind,
  diagramOnlyReason,
  isBroker,
  isInfra,
  isRuntime,
  nodeEnvPrefix,
  servesApi,
  type DesignNode,
  type InfraEntry,
  type NodePatch,
  type RuntimeId,
} from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { ApiEditor } from './ApiEditor';
import { ImportIntoNode } from './ImportIntoNode';
import { ChannelsEditor } from './ChannelsEditor';
import { EnvEditor } from './EnvEditor';
import { NamesEditor } from './NamesEditor';
import { NativeEditor } from './NativeEditor';
import { NodeLinks } from './NodeLinks';
import { NumberField, SelectField, TextField } from './controls';

const RUNTIME_OPTIONS = RUNTIME_IDS.map((id) => ({
  value: id,
  label: RUNTIMES[id].label,
  group: RUNTIMES[id].tier === 1 ? 'Runnable stub' : 'Diagram only for now',
}));

/** Every identifier the exported project derives from the name, so a rename holds no surprises. */
function DerivedNames({ project, node }: { project: string; node: DesignNode }) {
  const d = derivedNames(project, node.name);
  const rows: [string, string][] = [
    ['Host name (DNS)', d.dns],
    ['Env prefix', `${nodeEnvPrefix(node)}_URL`],
    ['Package', d.package],
  ];
  if (isRuntime(node.kind)) rows.push(['Proto package', d.protoPackage]);
  return (
    <dl className="pc-derived" aria-label="Derived names">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Edits one node. Valid input applies as you type; typing in one field is one undo step. */
export function NodeInspector({ node }: { node: DesignNode }) {
  const store = useDesignStoreApi();
  const project = useDesignStore((s) => s.design.name);
  const id = node.id;
  const apply = (patch: NodePatch, field?: string): string | null => {
    const r = store.getState().updateNode(id, patch, field === undefined ? undefined : `node:${id}:${field}`);
    return r.ok ? null : r.reason;
  };
  const kind = describeKind(node.kind);
  const service = isRuntime(node.kind);

  return (
    <div className="pc-inspector__body">
      <header className="pc-inspector__head">
        <span className="pc-inspector__swatch" style={{ background: kind.color }} aria-hidden="true" />
        <h2>{node.name}</h2>
        <span className="pc-inspector__sub">{kind.label}</span>
      </header>

      <TextField label="Name" value={node.name} apply={(name) => apply({ name }, 'name')} />
      <DerivedNames project={project} node={node} />

      {service ? (
        <SelectField<RuntimeId>
          label="Runtime"
          value={node.kind as RuntimeId}
          options={RUNTIME_OPTIONS}
          onChange={(k) => {
            const r = store.getState().setNodeKind(id, k);
            if (!r.ok)
              store
                .getState()
                .notify({ tone: 'error', placement: 'toast', title: 'Runtime not changed', text: r.reason });
          }}
        />
      ) : (
        <div className="pc-field">
          <span className="pc-field__label">Kind</span>
          <span className="pc-field__static">{kind.label}</span>
        </div>
      )}
      {service && diagramOnlyReason(node.kind as RuntimeId) ? (
        <p className="pc-note" data-testid="diagram-only-reason">
          Diagram only. {diagramOnlyReason(node.kind as RuntimeId)}
        </p>
      ) : null}

      <div className="pc-grid2">
        <NumberField label="Port" value={node.port} min={1} max={65535} apply={(port) => apply({ port }, 'port')} />
        {service ? (
          <NumberField
            label="gRPC port"
            value={node.grpcPort}
            min={1}
            max={65535}
            apply={(grpcPort) => apply({ grpcPort }, 'grpcPort')}
          />
        ) : null}
        <NumberField
          label="Host port"
          value={node.hostPort ?? node.port}
          min={0}
          max={65535}
          hint="Published on the host; 0 for none."
          apply={(p) => apply({ hostPort: p === node.port ? undefined : p }, 'hostPort')}
        />
        <NumberField
          label="Replicas"
          value={node.replicas}
          min={0}
          max={100}
          apply={(replicas) => apply({ replicas }, 'replicas')}
        />
      </div>

      <TextField
        label="Image"
        value={node.image ?? ''}
        placeholder={
          isRuntime(node.kind) ? `${dnsLabel(project, 'project')}/${dnsLabel(node.name)}:dev` : INFRA[node.kind].image
        }
        hint={
          isRuntime(node.kind)
            ? 'The name the stub is built and tagged as; empty for the default.'
            : 'The container image it runs; empty for the one shown.'
        }
        apply={(v) => apply({ image: v.trim() === '' ? undefined : v.trim() }, 'image')}
      />

      <NodeLinks node={node} />

      {service ? <NativeEditor node={node} apply={apply} /> : null}
      {service ? <NamesEditor node={node} grpc={RUNTIMES[node.kind as RuntimeId].grpc} /> : null}
      {servesApi(node.kind) && (service || node.api) ? (
        <ApiEditor node={node} grpc={service && RUNTIMES[node.kind as RuntimeId].grpc} />
      ) : null}
      {servesApi(node.kind) ? <ImportIntoNode node={node} /> : null}
      {isBroker(node.kind) && isInfra(node.kind) ? (
        <ChannelsEditor node={node} word={(INFRA[node.kind] as InfraEntry).channelWord ?? 'topic'} />
      ) : null}

      <EnvEditor env={node.env} onChange={(env, key) => apply({ env }, key === undefined ? undefined : `env:${key}`)} />

      <TextField
        label="Description"
        multiline
        maxLength={TEXT_LIMITS.description}
        value={node.description}
        placeholder="What this node does, for the README"
        apply={(description) => apply({ description }, 'description')}
      />

      <button type="button" className="pc-danger-btn" onClick={() => store.getState().removeElements([id])}>
        Delete node
      </button>
    </div>
  );
}
