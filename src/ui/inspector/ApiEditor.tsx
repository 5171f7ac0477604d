import {
  TEXT_LIMITS,
  HTTP_METHODS,
  addEndpoint,
  addRpc,
  addType,
  endpointStem,
  freeTypeName,
  httpPath,
  removeEndpoint,
  removeRpc,
  updateEndpoint,
  updateRpc,
  type DesignNode,
  type HttpEndpoint,
  type HttpMethod,
  type RpcMethod,
} from '../../core';
import { useDesignStore } from '../../app/storeContext';
import { RemoveButton, SelectField, TextField } from './controls';
import { MessageFieldsEditor } from './MessageFieldsEditor';
import { useEdit } from './useEdit';

type Streaming = 'unary' | 'server' | 'client' | 'both';
const STREAMING: { value: Streaming; label: string }[] = [
  { value: 'unary', label: 'unary' },
  { value: 'server', label: 'server streams' },
  { value: 'client', label: 'client streams' },
  { value: 'both', label: 'both stream' },
];
const METHOD_OPTIONS = HTTP_METHODS.map((m) => ({ value: m, label: m }));
const streamingOf = (r: RpcMethod): Streaming =>
  r.clientStreaming && r.serverStreaming
    ? 'both'
    : r.clientStreaming
      ? 'client'
      : r.serverStreaming
        ? 'server'
        : 'unary';

/** Whether a ref names a message of the design (whose fields the inspector can edit). */
function useIsMessage(ref: string | undefined): boolean {
  return useDesignStore((s) => ref !== undefined && s.design.types.some((t) => t.id === ref && t.kind === 'message'));
}

function Fields({ title, typeRef }: { title: string; typeRef: string | undefined }) {
  const message = useIsMessage(typeRef);
  if (!message || typeRef === undefined)
    return typeRef ? (
      <p className="pc-note">
        {title}: {typeRef}
      </p>
    ) : null;
  return <MessageFieldsEditor title={title} typeId={typeRef} />;
}

function RpcCard({ node, rpc, index }: { node: DesignNode; rpc: RpcMethod; index: number }) {
  const { apply, run } = useEdit();
  return (
    <div className="pc-card">
      <div className="pc-row">
        <TextField
          label={`Name of RPC ${index + 1}`}
          maxLength={TEXT_LIMITS.name}
          hideLabel
          className="pc-row__grow pc-mono"
          value={rpc.name}
          apply={(name) => apply((d) => updateRpc(d, node.id, rpc.id, { name }), `rpc:${rpc.id}:name`)}
        />
        <SelectField<Streaming>
          label={`Streaming of RPC ${rpc.name}`}
          hideLabel
          value={streamingOf(rpc)}
          options={STREAMING}
          onChange={(v) =>
            run((d) =>
              updateRpc(d, node.id, rpc.id, {
                clientStreaming: v === 'client' || v === 'both',
                serverStreaming: v === 'server' || v === 'both',
              }),
            )
          }
        />
        <RemoveButton label={`Remove RPC ${rpc.name}`} onClick={() => run((d) => removeRpc(d, node.id, rpc.id))} />
      </div>
      <Fields title="Request fields" typeRef={rpc.request} />
      <Fields title="Response fields" typeRef={rpc.response} />
    </div>
  );
}

function EndpointCard({ node, e, index }: { node: DesignNode; e: HttpEndpoint; index: number }) {
  const { apply, run } = useEdit();
  const answer = e.responses.find((r) => /^2/.test(r.status) || r.status === 'default');
  const takesBody = e.method !== 'GET';
  const addBody = () =>
    run((d) => {
      const t = addType(d, {
        kind: 'message',
        owner: node.id,
        name: freeTypeName(d, { owner: node.id }, `${endpointStem(e.method, e.path)}Request`),
      });
      return t.ok ? updateEndpoint(t.design, node.id, e.id, { body: { type: t.id } }) : t;
    });
  return (
    <div className="pc-card">
      <div className="pc-row">
        <SelectField<HttpMethod>
          label={`Method of endpoint ${index + 1}`}
          hideLabel
          value={e.method}
          options={METHOD_OPTIONS}
          onChange={(method) => run((d) => updateEndpoint(d, node.id, e.id, { method }))}
        />
        <TextField
          label={`Path of endpoint ${index + 1}`}
          maxLength={TEXT_LIMITS.path}
          hideLabel
          className="pc-row__grow pc-mono"
          value={e.path}
          placeholder="/orders/{id}"
          hint={httpPath(e.path) !== e.path ? `Exported as ${httpPath(e.path)}` : undefined}
          apply={(path) => apply((d) => updateEndpoint(d, node.id, e.id, { path }), `endpoint:${e.id}:path`)}
        />
        <RemoveButton
          label={`Remove endpoint ${e.method} ${e.path}`}
          onClick={() => run((d) => removeEndpoint(d, node.id, e.id))}
        />
      </div>
      {takesBody && e.body ? <Fields title="Request body" typeRef={e.body.type} /> : null}
      {takesBody && !e.body ? (
        <button type="button" className="pc-link-btn" onClick={addBody}>
          + Add a request body
        </button>
      ) : null}
      <Fields title="Response fields" typeRef={answer?.body?.type} />
      <p className="pc-note">Answers {e.responses.map((r) => r.status).join(', ') || 'nothing declared'}.</p>
    </div>
  );
}

/** What a service serves: its RPCs and its REST endpoints, each with its messages' fields. */
export function ApiEditor({ node, grpc }: { node: DesignNode; grpc: boolean }) {
  const { run } = useEdit();
  const rpcs = node.api?.grpc.flatMap((s) => s.rpcs) ?? [];
  const rest = node.api?.rest ?? [];
  return (
    <>
      {grpc ? (
        <section className="pc-contract" aria-label="RPC methods">
          <h3 className="pc-contract__title">RPC methods</h3>
          {rpcs.length === 0 ? <p className="pc-list__empty">No RPC yet.</p> : null}
          {rpcs.map((r, i) => (
            <RpcCard key={r.id} node={node} rpc={r} index={i} />
          ))}
          <button type="button" className="pc-link-btn" onClick={() => run((d) => addRpc(d, node.id))}>
            + Add RPC method
          </button>
        </section>
      ) : null}
      <section className="pc-contract" aria-label="Endpoints">
        <h3 className="pc-contract__title">Endpoints</h3>
        {rest.length === 0 ? <p className="pc-list__empty">No endpoint yet.</p> : null}
        {rest.map((e, i) => (
          <EndpointCard key={e.id} node={node} e={e} index={i} />
        ))}
        <button type="button" className="pc-link-btn" onClick={() => run((d) => addEndpoint(d, node.id))}>
          + Add endpoint
        </button>
      </section>
    </>
  );
}
