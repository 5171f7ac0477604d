import {
  TEXT_LIMITS,
  addEnumValue,
  removeEnumValue,
  renameEnumValue,
  setEnumValueNumber,
  type EnumType,
} from '../../core';
import { useDesignStore } from '../../app/storeContext';
import { RemoveButton, TextField } from './controls';
import { useEdit } from './useEdit';

/**
 * The values of an enum: each a name (which gets the enum's prefix, as buf's STANDARD lint
 * wants) and a number. The first value is the default, number 0, and stays.
 */
export function EnumValuesEditor({ typeId }: { typeId: string }) {
  const { apply, run } = useEdit();
  const type = useDesignStore((s) => s.design.types.find((t): t is EnumType => t.id === typeId && t.kind === 'enum'));
  if (!type) return null;
  return (
    <fieldset className="pc-list">
      <legend className="pc-list__title">
        Values <span className="pc-list__type">{type.name}</span>
      </legend>
      {type.values.map((v, i) => (
        <div className="pc-row" key={i} role="group" aria-label={`Value ${v.name}`}>
          <TextField
            label={`Number of value ${i + 1}`}
            hideLabel
            className="pc-field--number pc-mono"
            value={String(v.number)}
            apply={(text) => {
              const t = text.trim();
              if (!/^-?\d+$/.test(t)) return 'Enter a whole number.';
              return apply((d) => setEnumValueNumber(d, typeId, i, Number(t)));
            }}
          />
          <TextField
            label={`Name of value ${i + 1}`}
            maxLength={TEXT_LIMITS.name}
            hideLabel
            className="pc-row__grow pc-mono"
            value={v.name}
            apply={(name) => apply((d) => renameEnumValue(d, typeId, i, name), `enum:${typeId}:${i}:name`)}
          />
          {i > 0 ? (
            <RemoveButton label={`Remove value ${v.name}`} onClick={() => run((d) => removeEnumValue(d, typeId, i))} />
          ) : null}
        </div>
      ))}
      <button type="button" className="pc-link-btn" onClick={() => run((d) => addEnumValue(d, typeId))}>
        + Add value
      </button>
    </fieldset>
  );
}
