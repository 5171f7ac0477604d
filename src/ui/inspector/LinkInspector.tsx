import {
  INFRA,
  LINK_KINDS,
  allowedLinkKinds,
  isBroker,
  isInfra,
  nodeEnvPrefix,
  topicName,
  type DesignLink,
  type DesignNode,
  type InfraEntry,
  type LinkKind,
  type LinkPatch,
} from '../../core';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { topicPartners } from '../../app/designEdits';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { QueueEditor, UsesEditor } from './ContractEditors';
import { SelectField } from './controls';

/** The environment variable through which the calling side finds the other end. */
function addressVar(link: DesignLink, source: DesignNode, target: DesignNode): string {
  if (link.kind === 'grpc') return `${nodeEnvPrefix(target)}_GRPC_ADDR`;
  if (link.kind === 'queue' && isBroker(source.kind)) return `${nodeEnvPrefix(source)}_URL`;
  return `${nodeEnvPrefix(target)}_URL`;
}

const SEP = '\u0000';

/** Edits one link: its kind (only kinds that make sense for its two ends), what it uses, its topic. */
export function LinkInspector({ link }: { link: DesignLink }) {
  const store = useDesignStoreApi();
  const source = useDesignStore((s) => s.design.nodes.find((n) => n.id === link.source));
  const target = useDesignStore((s) => s.design.nodes.find((n) => n.id === link.target));
  const partners = useDesignStore((s) => topicPartners(s.design, link.id).length);
  const [shareTopic, setShareTopic] = useState(true);
  // the target's methods as plain strings, so a drag elsewhere re-renders none of this
  const methods = useDesignStore(
    useShallow((s) => {
      const t = s.design.nodes.find((n) => n.id === link.target);
      if (link.kind === 'rest') return (t?.api?.rest ?? []).map((e) => `${e.id}${SEP}${e.method} ${e.path}`);
      if (link.kind === 'grpc') return (t?.api?.grpc ?? []).flatMap((g) => g.rpcs.map((r) => `${r.id}${SEP}${r.name}`));
      return [];
    }),
  );
  const message = useDesignStore((s) => {
    const broker = s.design.nodes.find((n) => n.id === (isBroker(source?.kind ?? 'kafka') ? link.source : link.target));
    const channel = broker?.channels?.find((c) => topicName(c.topic) === topicName(link.topic));
    return s.design.types.find((t) => t.id === channel?.message)?.name ?? channel?.message;
  });
  if (!source || !target) return null;
  const id = link.id;
  const apply = (patch: LinkPatch, field?: string): string | null => {
    const key = field === undefined ? undefined : `link:${id}:${field}`;
    const r = store.getState().updateLink(id, patch, key, { shareTopic });
    return r.ok ? null : r.reason;
  };
  const kinds = allowedLinkKinds(source.kind, target.kind);
  const broker: InfraEntry | undefined =
    isBroker(source.kind) && isInfra(source.kind)
      ? INFRA[source.kind]
      : isBroker(target.kind) && isInfra(target.kind)
        ? INFRA[target.kind]
        : undefined;
  const direction =
    link.kind === 'queue'
      ? isBroker(source.kind)
        ? 'subscribes to'
        : 'publishes to'
      : link.kind === 'database'
        ? 'uses'
        : 'calls';
  const caller = link.kind === 'queue' && isBroker(source.kind) ? target : source;
  const callee = caller === source ? target : source;

  return (
    <div className="pc-inspector__body">
      <header className="pc-inspector__head">
        <span className={`pc-inspector__swatch pc-swatch--${link.kind}`} aria-hidden="true" />
        <h2>{LINK_KINDS[link.kind].label} link</h2>
        <span className="pc-inspector__sub">
          {caller.name} {direction} {callee.name}
        </span>
      </header>

      <SelectField<LinkKind>
        label="Kind"
        value={link.kind}
        options={kinds.map((k) => ({ value: k, label: LINK_KINDS[k].label }))}
        disabled={kinds.length < 2}
        onChange={(k) => {
          const r = store.getState().setLinkKind(id, k);
          if (!r.ok)
            store
              .getState()
              .notify({ tone: 'error', placement: 'toast', title: 'Link kind not changed', text: r.reason });
        }}
      />
      <p className="pc-note">
        {LINK_KINDS[link.kind].description}. {caller.name} finds {callee.name} through{' '}
        <code>{addressVar(link, source, target)}</code>.
      </p>

      {link.kind === 'rest' || link.kind === 'grpc' ? (
        <UsesEditor
          what={link.kind === 'rest' ? 'endpoints' : 'RPC methods'}
          target={target.name}
          methods={methods.map((m) => {
            const [id = '', label = ''] = m.split(SEP);
            return { id, label };
          })}
          uses={link.uses}
          onChange={(uses) => apply({ uses })}
        />
      ) : null}
      {link.kind === 'queue' ? (
        <QueueEditor
          topic={link.topic}
          channelWord={broker?.channelWord ?? 'topic'}
          onTopic={(topic) => apply({ topic }, 'topic')}
          partners={partners}
          sharing={shareTopic}
          onSharingChange={setShareTopic}
          message={message}
          broker={(isBroker(source.kind) ? source : target).name}
        />
      ) : null}

      <button type="button" className="pc-danger-btn" onClick={() => store.getState().removeElements([id])}>
        Delete link
      </button>
    </div>
  );
}
