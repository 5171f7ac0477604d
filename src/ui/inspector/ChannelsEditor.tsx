import { TEXT_LIMITS, addChannel, removeChannel, topicName, updateChannel, type DesignNode } from '../../core';
import { MessageFieldsEditor } from './MessageFieldsEditor';
import { RemoveButton, TextField } from './controls';
import { useEdit } from './useEdit';
import { useDesignStore } from '../../app/storeContext';

/** A broker's topics (queues, streams, subjects) and the message each carries. */
export function ChannelsEditor({ node, word }: { node: DesignNode; word: string }) {
  const { apply, run } = useEdit();
  const types = useDesignStore((s) => s.design.types);
  const channels = node.channels ?? [];
  const Word = word.charAt(0).toUpperCase() + word.slice(1);
  const add = () => {
    let n = channels.length + 1;
    while (channels.some((c) => topicName(c.topic) === `${word}-${n}`)) n++;
    run((d) => addChannel(d, node.id, { topic: `${word}-${n}`, fields: [{ name: 'id', type: 'string' }] }));
  };
  return (
    <section className="pc-contract" aria-label={`${Word}s`}>
      <h3 className="pc-contract__title">{Word}s</h3>
      {channels.length === 0 ? <p className="pc-list__empty">No {word} yet.</p> : null}
      {channels.map((c, i) => (
        <div className="pc-card" key={i}>
          <div className="pc-row">
            <TextField
              label={`${Word} ${i + 1}`}
              maxLength={TEXT_LIMITS.topic}
              hideLabel
              className="pc-row__grow pc-mono"
              value={c.topic}
              hint={topicName(c.topic) !== c.topic ? `Exported as ${topicName(c.topic)}` : undefined}
              apply={(topic) => apply((d) => updateChannel(d, node.id, c.topic, { topic }), `channel:${node.id}:${i}`)}
            />
            <RemoveButton
              label={`Remove ${word} ${c.topic}`}
              onClick={() => run((d) => removeChannel(d, node.id, c.topic))}
            />
          </div>
          {types.some((t) => t.id === c.message && t.kind === 'message') ? (
            <MessageFieldsEditor title="Message fields" typeId={c.message} />
          ) : (
            <p className="pc-note">Carries {c.message}.</p>
          )}
        </div>
      ))}
      <button type="button" className="pc-link-btn" onClick={add}>
        + Add {word}
      </button>
    </section>
  );
}
