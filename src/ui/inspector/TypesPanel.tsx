import { useMemo, useState } from 'react';
import {
  TEXT_LIMITS,
  addType,
  deleteType,
  renameType,
  typePackage,
  typeUsages,
  type Design,
  type DesignType,
} from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { TextField } from './controls';
import { EnumValuesEditor } from './EnumValuesEditor';
import { MessageFieldsEditor } from './MessageFieldsEditor';
import { useEdit } from './useEdit';

/** `Outer.Inner` for a nested type, its own name otherwise. */
function qualifiedName(types: Design['types'], t: DesignType): string {
  const names = [t.name];
  let p = t.parent;
  for (let i = 0; p !== undefined && i < 100; i++) {
    const parent = types.find((x) => x.id === p);
    if (!parent) break;
    names.unshift(parent.name);
    p = parent.parent;
  }
  return names.join('.');
}

function Usages({ id, onOpenType }: { id: string; onOpenType: (id: string) => void }) {
  const store = useDesignStoreApi();
  const design = useDesignStore((s) => s.design);
  // a new list is made only when the design changed, never per store read
  const uses = useMemo(() => typeUsages(design, id), [design, id]);
  if (uses.length === 0) return <p className="pc-note">Not used anywhere yet: it can be deleted.</p>;
  return (
    <section aria-label="Used by">
      <h4 className="pc-list__title">Used by</h4>
      <ul className="pc-links">
        {uses.map((u, i) => (
          <li key={i}>
            {u.nodeId !== undefined || u.typeId !== undefined ? (
              <button
                type="button"
                className="pc-link-btn"
                onClick={() =>
                  u.typeId !== undefined ? onOpenType(u.typeId) : store.getState().select([u.nodeId ?? ''])
                }
              >
                {u.where}
              </button>
            ) : (
              u.where
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TypeDetails({ type, onOpenType }: { type: DesignType; onOpenType: (id: string) => void }) {
  const { apply, run } = useEdit();
  const pkg = useDesignStore((s) => typePackage(s.design.name, type, (id) => s.design.nodes.find((n) => n.id === id)));
  const kind = type.kind === 'message' ? 'message' : 'enum';
  return (
    <section className="pc-card" aria-label={`${kind} ${type.name}`}>
      <TextField
        label={`Name of the ${kind}`}
        maxLength={TEXT_LIMITS.name}
        className="pc-mono"
        value={type.name}
        hint={
          <>
            In <code>{pkg}</code>
            {type.file ? (
              <>
                , from <code>{type.file}</code>
              </>
            ) : null}
            . References follow a rename.
          </>
        }
        apply={(name) => apply((d) => renameType(d, type.id, name), `type:${type.id}:rename`)}
      />
      {type.kind === 'message' ? (
        <MessageFieldsEditor title="Fields" typeId={type.id} />
      ) : (
        <EnumValuesEditor typeId={type.id} />
      )}
      <Usages id={type.id} onOpenType={onOpenType} />
      <button
        type="button"
        className="pc-danger-btn"
        onClick={() => run((d) => deleteType(d, type.id), `${type.name} not deleted`)}
      >
        Delete {kind} {type.name}
      </button>
    </section>
  );
}

/**
 * The design's types: every message and enum, shared by all contracts. Add, rename (references
 * are ids, so they follow), delete (refused while something uses the type, saying what), and the
 * fields or values of the one opened.
 */
export function TypesPanel() {
  const store = useDesignStoreApi();
  const types = useDesignStore((s) => s.design.types);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = types.find((t) => t.id === openId);
  const add = (kind: 'message' | 'enum') => {
    let id: string | null = null;
    const r = store.getState().edit((d) => {
      const x = addType(d, { kind });
      if (x.ok) id = x.id;
      return x;
    });
    if (r.ok) setOpenId(id);
    else store.getState().notify({ tone: 'error', placement: 'toast', title: 'Not added', text: r.reason });
  };
  const messages = types.filter((t) => t.kind === 'message');
  const enums = types.filter((t) => t.kind === 'enum');
  const list = (title: string, items: DesignType[]) => (
    <section aria-label={title}>
      <h3 className="pc-contract__title">
        {title} <span className="pc-count">{items.length}</span>
      </h3>
      {items.length === 0 ? <p className="pc-list__empty">None yet.</p> : null}
      <ul className="pc-type-list">
        {items.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="pc-type-list__item pc-mono"
              aria-pressed={t.id === openId}
              onClick={() => setOpenId(t.id === openId ? null : t.id)}
            >
              {qualifiedName(types, t)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="pc-types">
      <div className="pc-row">
        <button type="button" className="pc-link-btn" onClick={() => add('message')}>
          + Add message
        </button>
        <button type="button" className="pc-link-btn" onClick={() => add('enum')}>
          + Add enum
        </button>
      </div>
      {open ? <TypeDetails key={open.id} type={open} onOpenType={setOpenId} /> : null}
      {list('Messages', messages)}
      {list('Enums', enums)}
    </div>
  );
}
