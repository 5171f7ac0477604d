import { useState } from 'react';
import {
  TEXT_LIMITS,
  addField,
  removeField,
  setFieldNumber,
  updateField,
  type Design,
  type MapKeyType,
  type MessageField,
  type MessageType,
} from '../../core';
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

type Shape = 'single' | 'repeated' | 'optional' | 'map';
const SHAPES: { value: Shape; label: string }[] = [
  { value: 'single', label: 'one' },
  { value: 'repeated', label: 'list' },
  { value: 'optional', label: 'optional' },
  { value: 'map', label: 'map' },
];
const MAP_KEYS: { value: MapKeyType; label: string }[] = (
  [
    'string',
    'int32',
    'int64',
    'uint32',
    'uint64',
    'bool',
    'sint32',
    'sint64',
    'fixed32',
    'fixed64',
    'sfixed32',
    'sfixed64',
  ] as const
).map((k) => ({ value: k, label: k }));

const shapeOf = (f: MessageField): Shape => (f.mapKey !== undefined ? 'map' : (f.label ?? 'single'));

/** The change of a field's shape: a map has no label, a list or an optional field no map key. */
function shapePatch(f: MessageField, shape: Shape) {
  if (shape === 'map') return { label: null, mapKey: f.mapKey ?? 'string' } as const;
  return { label: shape === 'single' ? null : shape, mapKey: null } as const;
}

function FieldRow(props: {
  title: string;
  typeId: string;
  f: MessageField;
  i: number;
  types: Design['types'];
  autoFocus: boolean;
}) {
  const { title, typeId, f, i, types, autoFocus } = props;
  const { apply, run } = useEdit();
  const what = `${title}: `;
  return (
    <div className="pc-field-row" role="group" aria-label={`Field ${f.name}`}>
      <div className="pc-row">
        <TextField
          label={`${what}number of field ${i + 1}`}
          hideLabel
          className="pc-field--number pc-mono"
          value={String(f.number)}
          apply={(text) => {
            const t = text.trim();
            if (!/^\d+$/.test(t)) return 'Enter a whole number.';
            return apply((d) => setFieldNumber(d, typeId, f.number, Number(t)));
          }}
        />
        <TextField
          label={`${what}name of field ${i + 1}`}
          maxLength={TEXT_LIMITS.name}
          hideLabel
          value={f.name}
          autoFocus={autoFocus}
          className="pc-row__grow"
          apply={(name) => apply((d) => updateField(d, typeId, f.number, { name }), `type:${typeId}:${f.number}:name`)}
        />
        <RemoveButton label={`Remove field ${f.name}`} onClick={() => run((d) => removeField(d, typeId, f.number))} />
      </div>
      <div className="pc-row">
        {f.oneof === undefined ? (
          <SelectField<Shape>
            label={`${what}how many in field ${i + 1}`}
            hideLabel
            value={shapeOf(f)}
            options={SHAPES}
            onChange={(shape) => run((d) => updateField(d, typeId, f.number, shapePatch(f, shape)))}
          />
        ) : (
          <span className="pc-note pc-field-row__oneof">oneof {f.oneof}</span>
        )}
        {f.mapKey !== undefined ? (
          <SelectField<MapKeyType>
            label={`${what}map key of field ${i + 1}`}
            hideLabel
            value={f.mapKey}
            options={MAP_KEYS}
            onChange={(mapKey) => run((d) => updateField(d, typeId, f.number, { mapKey }))}
          />
        ) : null}
        <div className="pc-row__grow">
          <SelectField
            label={`${what}type of field ${i + 1}`}
            hideLabel
            value={f.type}
            options={typeOptions(types, f.type)}
            onChange={(t) => run((d) => updateField(d, typeId, f.number, { type: t }))}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * The fields of one message type: number, name, type (scalars, the design's messages and enums,
 * well-known types) and whether it holds one value, a list, an optional one or a map. Each edit is
 * an op of core/ops/api, so a number changes only when the user sets it; typing in a cell is one
 * undo step.
 */
export function MessageFieldsEditor({ title, typeId }: Props) {
  const { run } = useEdit();
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
        // by position: renumbering a field keeps its row (and the focus in it)
        <FieldRow key={i} title={title} typeId={typeId} f={f} i={i} types={types} autoFocus={f.number === added} />
      ))}
      <button type="button" className="pc-link-btn" onClick={addOne}>
        + Add field
      </button>
    </fieldset>
  );
}
