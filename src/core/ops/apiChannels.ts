import { pascalCase, topicName } from '../model/naming';
import type { TypeRef } from '../model/typeRefs';
import type { Channel, Design, DesignNode, MessageField } from '../model/types';
import { brokerNode, fail, isFail, refKind, withNode } from './apiShared';
import { addType, freeTypeName } from './apiTypes';
import type { OpResult } from './ids';

/**
 * Edits of a broker's channels: the topics (queues, streams, subjects) it carries and the message
 * of each. The publishers and subscribers of a topic all read its one channel.
 */

const sameTopic = (a: string, b: string) => topicName(a) === topicName(b);

export interface AddChannelArgs {
  topic: string;
  /** An existing message; by default a new shared `<Topic>Message` with `fields`. */
  message?: TypeRef;
  fields?: Omit<MessageField, 'number'>[];
}

/** Adds a channel to a broker, with a message of its own unless given one. */
export function addChannel(design: Design, brokerId: string, args: AddChannelArgs): OpResult<{ message: TypeRef }> {
  const broker = brokerNode(design, brokerId);
  if (isFail(broker)) return broker;
  if (args.topic.trim() === '') return fail('A topic needs a name.');
  if ((broker.channels ?? []).some((c) => sameTopic(c.topic, args.topic)))
    return fail(`${broker.name} already has ${topicName(args.topic)}.`);
  let d = design;
  let message = args.message;
  if (message !== undefined) {
    const k = refKind(d, message);
    if (k !== 'message' && !(k === 'builtin' && message.startsWith('google.protobuf.')))
      return fail('A channel carries a message.');
  } else {
    const r = addType(d, {
      kind: 'message',
      name: freeTypeName(d, {}, `${pascalCase(topicName(args.topic), 'Topic')}Message`),
      fields: args.fields ?? [],
    });
    if (!r.ok) return r;
    d = r.design;
    message = r.id;
  }
  const b = d.nodes.find((n) => n.id === brokerId) as DesignNode;
  const channel: Channel = { topic: args.topic, message };
  return { ok: true, design: withNode(d, { ...b, channels: [...(b.channels ?? []), channel] }), message };
}

/**
 * Changes a channel. A new topic name is carried to the broker's queue links on that topic, so
 * its publishers and subscribers keep meeting.
 */
export function updateChannel(
  design: Design,
  brokerId: string,
  topic: string,
  patch: { topic?: string; message?: TypeRef; description?: string },
): OpResult {
  const broker = brokerNode(design, brokerId);
  if (isFail(broker)) return broker;
  const channels = broker.channels ?? [];
  const c = channels.find((x) => sameTopic(x.topic, topic));
  if (!c) return fail(`${broker.name} has no ${topicName(topic)}.`);
  const next: Channel = { ...c };
  if (patch.topic !== undefined) {
    if (patch.topic.trim() === '') return fail('A topic needs a name.');
    if (channels.some((x) => x !== c && sameTopic(x.topic, patch.topic ?? '')))
      return fail(`${broker.name} already has ${topicName(patch.topic)}.`);
    next.topic = patch.topic;
  }
  if (patch.message !== undefined) {
    const k = refKind(design, patch.message);
    if (k !== 'message' && !(k === 'builtin' && patch.message.startsWith('google.protobuf.')))
      return fail('A channel carries a message.');
    next.message = patch.message;
  }
  if (patch.description !== undefined) next.description = patch.description;
  let d = withNode(design, { ...broker, channels: channels.map((x) => (x === c ? next : x)) });
  if (patch.topic !== undefined && !sameTopic(patch.topic, c.topic)) {
    const moved = patch.topic;
    d = {
      ...d,
      links: d.links.map((l) =>
        l.kind === 'queue' && (l.source === brokerId || l.target === brokerId) && sameTopic(l.topic, c.topic)
          ? { ...l, topic: moved }
          : l,
      ),
    };
  }
  return { ok: true, design: d };
}

/** Removes a channel that no queue link uses. */
export function removeChannel(design: Design, brokerId: string, topic: string): OpResult {
  const broker = brokerNode(design, brokerId);
  if (isFail(broker)) return broker;
  const channels = broker.channels ?? [];
  if (!channels.some((x) => sameTopic(x.topic, topic))) return fail(`${broker.name} has no ${topicName(topic)}.`);
  const users = design.links.filter(
    (l) => l.kind === 'queue' && (l.source === brokerId || l.target === brokerId) && sameTopic(l.topic, topic),
  );
  if (users.length > 0)
    return fail(
      `${users.length === 1 ? 'A queue link uses' : `${users.length} queue links use`} ${topicName(topic)}; delete them or move them to another topic first.`,
    );
  return {
    ok: true,
    design: withNode(design, { ...broker, channels: channels.filter((x) => !sameTopic(x.topic, topic)) }),
  };
}
