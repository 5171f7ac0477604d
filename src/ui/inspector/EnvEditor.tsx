import { TEXT_LIMITS, type EnvVar } from '../../core';
import { envKeyProblem, nextEnvKey } from '../../app/designEdits';
import { RemoveButton, TextField } from './controls';

interface Props {
  env: readonly EnvVar[];
  onChange: (env: EnvVar[], key?: string) => string | null;
}

/** Environment variables of a node as key / value rows. */
export function EnvEditor({ env, onChange }: Props) {
  const keys = env.map((e) => e.key);
  return (
    <fieldset className="pc-list">
      <legend className="pc-list__title">Environment variables</legend>
      {env.length === 0 ? <p className="pc-list__empty">None. Addresses of linked nodes are set for you.</p> : null}
      {env.map((v, i) => (
        <div className="pc-row" key={i}>
          <TextField
            label={`Name of variable ${i + 1}`}
            hideLabel
            value={v.key}
            className="pc-row__grow pc-mono"
            apply={(key) =>
              envKeyProblem(
                key,
                keys.filter((_, j) => j !== i),
              ) ??
              onChange(
                env.map((e, j) => (j === i ? { ...e, key } : e)),
                `${i}:key`,
              )
            }
          />
          <TextField
            label={`Value of ${v.key}`}
            hideLabel
            maxLength={TEXT_LIMITS.envValue}
            value={v.value}
            className="pc-row__grow pc-mono"
            apply={(value) =>
              onChange(
                env.map((e, j) => (j === i ? { ...e, value } : e)),
                `${i}:value`,
              )
            }
          />
          <RemoveButton label={`Remove variable ${v.key}`} onClick={() => onChange(env.filter((_, j) => j !== i))} />
        </div>
      ))}
      <button
        type="button"
        className="pc-link-btn"
        onClick={() => onChange([...env, { key: nextEnvKey(keys), value: '' }])}
      >
        + Add variable
      </button>
    </fieldset>
  );
}
