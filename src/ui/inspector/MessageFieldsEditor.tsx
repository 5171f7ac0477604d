import { useState } from 'react';
import { TEXT_LIMITS, addField, removeField, updateField, type MessageType } from '../../core';
import { useDesignStore } from '../../app/storeContext';
import { RemoveButton, SelectField, TextField } from './controls';
import { typeOptions } from './typeOptions';
import { useEdit } from './useEdit';

interface Props {
  /** Heading of the list, e.g. "Response fields". */
  title: string;
  /** The message whose fields are edited. */
  typeId: string;
}

type Shape = 'single' | 'repeated' | 'optional';
const SHAPES: { value: Shape; label: string }[] = [
  { value: 'single', label: 'one' },
  { value: 'repeated', label: 'list' },
  { value: 'optional', label: 'optional' },
];

/**
 * The fields of one message type: name, type (scalars, the design's messages and enums,
 * well-known types) and whether it holds one value, a list, or an optional one. Each edit is an op
 * of core/ops/api, so field numbers are never changed; typing in a cell is one undo step.
 */
export function MessageFieldsEditor({ title, typeId }: Props) {
  const { apply, run } = useEdit();
  const type = useDesignStore((s) =>
    s.design.types.find((t): t is MessageType => t.id === typeId && t.kind === 'message'),
  );
  const types = useDesignStore((s) => s.design.types);
  // The number of the field "+ Add field" just added: its name field takes the focus.
  const [added, setAdded] = useState<number | null>(null);
  if (!type) return null;
  const addOne = () => {
    const before = new Set(type.fields.map((f) => f.number));
    let fresh: number | null = null;
    run((d) => {
      const r = addField(d, typeId);
      if (r.ok) {
        const t = r.design.types.find((x): x is MessageType => x.id === typeId && x.kind === 'message');
        fresh = t?.fields.find((f) => !before.has(f.number))?.number ?? null;
      }
      return r;
    });
    setAdded(fresh);
  };
  return (
    <fieldset className="pc-list">
      <legend className="pc-list__title">
        {title} <span className="pc-list__type">{type.name}</span>
      </legend>
      {type.fields.length === 0 ? <p className="pc-list__empty">None yet.</p> : null}
      {type.fields.map((f, i) => (
        <div className="pc-row" key={f.number}>
          <TextField
            label={`${title}: name of field ${i + 1}`}
            maxLength={TEXT_LIMITS.name}
            hideLabel
            value={f.name}
            autoFocus={f.number === added}
            className="pc-row__grow"
            apply={(name) =>
              apply((d) => updateField(d, typeId, f.number, { name }), `type:${typeId}:${f.number}:name`)
            }
          />
          <SelectField
            label={`${title}: type of field ${i + 1}`}
            hideLabel
            value={f.type}
            options={typeOptions(types, f.type)}
            onChange={(t) => run((d) => updateField(d, typeId, f.number, { type: t }))}
          />
          {f.mapKey === undefined && f.oneof === undefined ? (
            <SelectField<Shape>
              label={`${title}: how many in field ${i + 1}`}
              hideLabel
              value={f.label ?? 'single'}
              options={SHAPES}
              onChange={(shape) =>
                run((d) => updateField(d, typeId, f.number, { label: shape === 'single' ? null : shape }))
              }
            />
          ) : null}
          <RemoveButton label={`Remove field ${f.name}`} onClick={() => run((d) => removeField(d, typeId, f.number))} />
        </div>
      ))}
      <button type="button" className="pc-link-btn" onClick={addOne}>
        + Add field
      </button>
    </fieldset>
  );
}
