import { useState } from 'react';
import { TEXT_LIMITS, type EnvVar } from '../../core';
import { envKeyProblem, nextEnvKey } from '../../app/designEdits';
import { RemoveButton, TextField } from './controls';

interface Props {
  env: readonly EnvVar[];
  onChange: (env: EnvVar[], key?: string) => string | null;
}

/**
 * Environment variables of a node as key / value rows. A secret value (an API key, a password
 * read from a Kubernetes Secret) is masked until its row's eye button shows it: it is not in the
 * page at all before that, so a screen shared in a workshop does not give it away.
 */
export function EnvEditor({ env, onChange }: Props) {
  const keys = env.map((e) => e.key);
  // the variables whose secret value is shown, by key (what is shown is not part of the design)
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set());
  const show = (key: string, on: boolean) =>
    setShown((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <fieldset className="pc-list">
      <legend className="pc-list__title">Environment variables</legend>
      {env.length === 0 ? <p className="pc-list__empty">None. Addresses of linked nodes are set for you.</p> : null}
      {env.map((v, i) => {
        const masked = v.secret === true && !shown.has(v.key);
        return (
          <div className="pc-row" key={i}>
            <TextField
              label={`Name of variable ${i + 1}`}
              hideLabel
              value={v.key}
              className="pc-row__grow pc-mono"
              apply={(key) => {
                const problem =
                  envKeyProblem(
                    key,
                    keys.filter((_, j) => j !== i),
                  ) ??
                  onChange(
                    env.map((e, j) => (j === i ? { ...e, key } : e)),
                    `${i}:key`,
                  );
                // a shown value stays shown under its new name
                if (problem === null && shown.has(v.key) && key !== v.key) {
                  show(v.key, false);
                  show(key, true);
                }
                return problem;
              }}
            />
            {masked ? (
              <button
                type="button"
                className="pc-env__masked pc-row__grow"
                aria-label={`Show value of ${v.key}`}
                title={`Show value of ${v.key}`}
                onClick={() => show(v.key, true)}
              >
                <span aria-hidden="true">•••••</span>
                <EyeIcon open />
              </button>
            ) : (
              <TextField
                label={`Value of ${v.key}`}
                hideLabel
                maxLength={TEXT_LIMITS.envValue}
                value={v.value}
                className="pc-row__grow pc-mono"
                autoFocus={v.secret === true}
                apply={(value) =>
                  onChange(
                    env.map((e, j) => (j === i ? { ...e, value } : e)),
                    `${i}:value`,
                  )
                }
              />
            )}
            {v.secret === true && !masked ? (
              <button
                type="button"
                className="pc-env__btn"
                aria-label={`Hide value of ${v.key}`}
                title={`Hide value of ${v.key}`}
                onClick={() => show(v.key, false)}
              >
                <EyeIcon open={false} />
              </button>
            ) : null}
            <button
              type="button"
              className="pc-env__btn pc-env__lock"
              aria-pressed={v.secret === true}
              aria-label={`${v.key} is secret`}
              title={
                v.secret === true
                  ? `${v.key} is secret: the export keeps it in .env and Kubernetes Secrets. Click to make it an ordinary value.`
                  : `Mark ${v.key} secret: masked here, kept in .env and Kubernetes Secrets on export.`
              }
              onClick={() => {
                // marking hides the value at once; unmarking shows it as any other
                show(v.key, false);
                onChange(
                  env.map((e, j) => {
                    if (j !== i) return e;
                    if (e.secret === true) return { key: e.key, value: e.value };
                    return { ...e, secret: true };
                  }),
                );
              }}
            >
              <LockIcon closed={v.secret === true} />
            </button>
            <RemoveButton label={`Remove variable ${v.key}`} onClick={() => onChange(env.filter((_, j) => j !== i))} />
          </div>
        );
      })}
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

function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className="pc-env__icon">
      <path
        d="M1.5 10S4.5 4.5 10 4.5 18.5 10 18.5 10 15.5 15.5 10 15.5 1.5 10 1.5 10Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <circle cx="10" cy="10" r="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      {open ? null : <path d="M3 17 17 3" stroke="currentColor" strokeWidth="1.5" />}
    </svg>
  );
}

function LockIcon({ closed }: { closed: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className="pc-env__icon">
      <rect x="4" y="9" width="12" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d={closed ? 'M7 9V6.5a3 3 0 0 1 6 0V9' : 'M7 9V6.5a3 3 0 0 1 5.8-1.1'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
