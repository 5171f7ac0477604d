import {
  HTTP_METHODS,
  TEXT_LIMITS,
  httpPath,
  rpcName,
  topicName,
  type Endpoint,
  type Field,
  type HttpMethod,
  type Rpc,
} from '../../core';
import { FieldListEditor } from './FieldListEditor';
import { RemoveButton, SelectField, TextField } from './controls';

/** Applies a new list; `key` names the edited cell (typing there coalesces), no key = own step. */
type Apply<T> = (list: T[], key?: string) => string | null;

const METHOD_OPTIONS = HTTP_METHODS.map((m) => ({ value: m, label: m }));
const sub = (prefix: string, key?: string) => (key === undefined ? undefined : `${prefix}:${key}`);

/** REST endpoints the target serves for this caller. */
export function EndpointsEditor({
  endpoints,
  onChange,
}: {
  endpoints: readonly Endpoint[];
  onChange: Apply<Endpoint>;
}) {
  const set = (i: number, patch: Partial<Endpoint>, key?: string) =>
    onChange(
      endpoints.map((e, j) => (j === i ? { ...e, ...patch } : e)),
      sub(String(i), key),
    );
  return (
    <section className="pc-contract" aria-label="Endpoints">
      <h3 className="pc-contract__title">Endpoints</h3>
      {endpoints.map((e, i) => (
        <div className="pc-card" key={i}>
          <div className="pc-row">
            <SelectField<HttpMethod>
              label={`Method of endpoint ${i + 1}`}
              hideLabel
              value={e.method}
              options={METHOD_OPTIONS}
              onChange={(method) => set(i, { method }, 'method')}
            />
            <TextField
              label={`Path of endpoint ${i + 1}`}
              hideLabel
              maxLength={TEXT_LIMITS.path}
              className="pc-row__grow pc-mono"
              value={e.path}
              placeholder="/orders/{id}"
              hint={httpPath(e.path) !== e.path ? `Exported as ${httpPath(e.path)}` : undefined}
              apply={(path) => set(i, { path }, 'path')}
            />
            <RemoveButton
              label={`Remove endpoint ${e.method} ${e.path}`}
              onClick={() => onChange(endpoints.filter((_, j) => j !== i))}
            />
          </div>
          <FieldListEditor
            title="Request fields"
            fields={e.request}
            onChange={(request, key) => set(i, { request }, key === undefined ? undefined : `request:${key}`)}
          />
          <FieldListEditor
            title="Response fields"
            fields={e.response}
            onChange={(response, key) => set(i, { response }, key === undefined ? undefined : `response:${key}`)}
          />
        </div>
      ))}
      <button
        type="button"
        className="pc-link-btn"
        onClick={() =>
          onChange([
            ...endpoints,
            {
              method: 'GET',
              path: `/items-${endpoints.length + 1}`,
              request: [],
              response: [{ name: 'id', type: 'string' }],
            },
          ])
        }
      >
        + Add endpoint
      </button>
    </section>
  );
}

/** gRPC methods the target serves for this caller. */
export function RpcsEditor({ rpcs, onChange }: { rpcs: readonly Rpc[]; onChange: Apply<Rpc> }) {
  const set = (i: number, patch: Partial<Rpc>, key?: string) =>
    onChange(
      rpcs.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      sub(String(i), key),
    );
  return (
    <section className="pc-contract" aria-label="RPC methods">
      <h3 className="pc-contract__title">RPC methods</h3>
      {rpcs.map((r, i) => (
        <div className="pc-card" key={i}>
          <div className="pc-row">
            <TextField
              label={`Name of RPC ${i + 1}`}
              hideLabel
              maxLength={TEXT_LIMITS.name}
              className="pc-row__grow pc-mono"
              value={r.name}
              hint={rpcName(r.name) !== r.name ? `Exported as ${rpcName(r.name)}` : undefined}
              apply={(name) => {
                if (name.trim() === '') return 'An RPC needs a name.';
                if (rpcs.some((o, j) => j !== i && rpcName(o.name) === rpcName(name)))
                  return `There is already an RPC named ${rpcName(name)}.`;
                return set(i, { name }, 'name');
              }}
            />
            <RemoveButton label={`Remove RPC ${r.name}`} onClick={() => onChange(rpcs.filter((_, j) => j !== i))} />
          </div>
          <FieldListEditor
            title="Request fields"
            fields={r.request}
            onChange={(request, key) => set(i, { request }, key === undefined ? undefined : `request:${key}`)}
          />
          <FieldListEditor
            title="Response fields"
            fields={r.response}
            onChange={(response, key) => set(i, { response }, key === undefined ? undefined : `response:${key}`)}
          />
        </div>
      ))}
      <button
        type="button"
        className="pc-link-btn"
        onClick={() => {
          let n = rpcs.length + 1;
          while (rpcs.some((r) => rpcName(r.name) === `Call${n}`)) n++;
          onChange([...rpcs, { name: `Call${n}`, request: [{ name: 'id', type: 'string' }], response: [] }]);
        }}
      >
        + Add RPC method
      </button>
    </section>
  );
}

/** The topic (queue, stream, subject) and its message. */
export function QueueEditor(props: {
  topic: string;
  channelWord: string;
  onTopic: (topic: string) => string | null;
  /** How many other links meet this one on the same broker and topic. */
  partners: number;
  sharing: boolean;
  onSharingChange: (sharing: boolean) => void;
  message: readonly Field[];
  onMessage: (fields: Field[], key?: string) => string | null;
}) {
  const { topic, channelWord, onTopic, partners, sharing, onSharingChange, message, onMessage } = props;
  const word = channelWord.charAt(0).toUpperCase() + channelWord.slice(1);
  return (
    <section className="pc-contract" aria-label="Message">
      <TextField
        label={word}
        maxLength={TEXT_LIMITS.topic}
        className="pc-mono"
        value={topic}
        apply={(t) => (t.trim() === '' ? `A ${channelWord} needs a name.` : onTopic(t))}
        hint={topicName(topic) !== topic ? `Exported as ${topicName(topic)}` : undefined}
      />
      {partners > 0 ? (
        <label className="pc-check">
          <input type="checkbox" checked={sharing} onChange={(e) => onSharingChange(e.target.checked)} />
          <span>
            Keep the {partners === 1 ? 'other link' : `${partners} other links`} on this {channelWord} in step (
            {word.toLowerCase()} and message)
          </span>
        </label>
      ) : (
        <p className="pc-note">Nothing else uses this {channelWord} on this broker yet.</p>
      )}
      <FieldListEditor title="Message fields" fields={message} onChange={onMessage} />
    </section>
  );
}
