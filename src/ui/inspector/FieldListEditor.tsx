import { FIELD_TYPES, TEXT_LIMITS, type Field, type FieldType } from '../../core';
import { RemoveButton, SelectField, TextField } from './controls';

interface Props {
  /** Heading of the list, e.g. "Response fields". */
  title: string;
  fields: readonly Field[];
  /** Applies a new list; `key` names the edited cell so typing in it coalesces into one undo step.
   * Adding and removing rows pass no key: each is a step of its own. */
  onChange: (fields: Field[], key?: string) => string | null;
}

const TYPE_OPTIONS = FIELD_TYPES.map((t) => ({ value: t, label: t }));

function nextName(fields: readonly Field[]): string {
  for (let i = fields.length + 1; ; i++) if (!fields.some((f) => f.name === `field_${i}`)) return `field_${i}`;
}

/** Rows of name + type, for requests, responses and messages. */
export function FieldListEditor({ title, fields, onChange }: Props) {
  const set = (i: number, patch: Partial<Field>, key: string) =>
    onChange(
      fields.map((f, j) => (j === i ? { ...f, ...patch } : f)),
      key,
    );
  return (
    <fieldset className="pc-list">
      <legend className="pc-list__title">{title}</legend>
      {fields.length === 0 ? <p className="pc-list__empty">None yet.</p> : null}
      {fields.map((f, i) => (
        <div className="pc-row" key={i}>
          <TextField
            label={`${title}: name of field ${i + 1}`}
            hideLabel
            maxLength={TEXT_LIMITS.name}
            value={f.name}
            className="pc-row__grow"
            apply={(name) => {
              if (name.trim() === '') return 'A field needs a name.';
              if (fields.some((o, j) => j !== i && o.name === name)) return `There is already a field "${name}".`;
              return set(i, { name }, `${i}:name`);
            }}
          />
          <SelectField<FieldType>
            label={`${title}: type of field ${i + 1}`}
            hideLabel
            value={f.type}
            options={TYPE_OPTIONS}
            onChange={(type) => set(i, { type }, `${i}:type`)}
          />
          <RemoveButton label={`Remove field ${f.name}`} onClick={() => onChange(fields.filter((_, j) => j !== i))} />
        </div>
      ))}
      <button
        type="button"
        className="pc-link-btn"
        onClick={() => onChange([...fields, { name: nextName(fields), type: 'string' }])}
      >
        + Add field
      </button>
    </fieldset>
  );
}
