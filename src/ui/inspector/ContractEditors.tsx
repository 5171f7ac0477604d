import { TEXT_LIMITS, topicName } from '../../core';
import { TextField } from './controls';

/** One method of the target a link may use: its id and how it reads (`PlaceOrder`, `POST /orders`). */
export interface MethodChoice {
  id: string;
  label: string;
}

/**
 * Which of the target's endpoints or RPCs a REST or gRPC link uses: all of them (the default,
 * which follows the target as it gains methods), or the ones ticked.
 */
export function UsesEditor(props: {
  what: 'endpoints' | 'RPC methods';
  target: string;
  methods: readonly MethodChoice[];
  uses: readonly string[] | undefined;
  onChange: (uses: string[] | undefined) => void;
}) {
  const { what, target, methods, uses, onChange } = props;
  const all = uses === undefined;
  return (
    <section className="pc-contract" aria-label="Uses">
      <h3 className="pc-contract__title">Uses</h3>
      {methods.length === 0 ? (
        <p className="pc-note">
          {target} serves no {what} yet: add them in its inspector.
        </p>
      ) : (
        <>
          <label className="pc-check">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => onChange(e.target.checked ? undefined : methods.map((m) => m.id))}
            />
            <span>
              All of {target}&apos;s {what}
            </span>
          </label>
          {methods.map((m) => (
            <label className="pc-check" key={m.id}>
              <input
                type="checkbox"
                disabled={all}
                checked={all || (uses ?? []).includes(m.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? methods.filter((x) => x.id === m.id || (uses ?? []).includes(x.id)).map((x) => x.id)
                      : (uses ?? []).filter((u) => u !== m.id),
                  )
                }
              />
              <span className="pc-mono">{m.label}</span>
            </label>
          ))}
        </>
      )}
    </section>
  );
}

/** The topic (queue, stream, subject) of a queue link; its message is its broker's to edit. */
export function QueueEditor(props: {
  topic: string;
  channelWord: string;
  onTopic: (topic: string) => string | null;
  /** How many other links meet this one on the same broker and topic. */
  partners: number;
  sharing: boolean;
  onSharingChange: (sharing: boolean) => void;
  /** The name of the message the topic carries, and the broker that declares it. */
  message: string | undefined;
  broker: string;
}) {
  const { topic, channelWord, onTopic, partners, sharing, onSharingChange, message, broker } = props;
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
            Keep the {partners === 1 ? 'other link' : `${partners} other links`} on this {channelWord} in step
          </span>
        </label>
      ) : (
        <p className="pc-note">Nothing else uses this {channelWord} on this broker yet.</p>
      )}
      <p className="pc-note">
        It carries {message ? <code>{message}</code> : 'no message yet'}; edit its fields on {broker}.
      </p>
    </section>
  );
}
