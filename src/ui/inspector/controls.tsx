import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDraft } from './useDraft';

interface TextProps {
  label: string;
  value: string;
  /** Applies the text; returns why it cannot be used, or null. */
  apply: (text: string) => string | null;
  hint?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
  /** Label only for screen readers, for rows where a header names the column. */
  hideLabel?: boolean;
  className?: string;
  /** The longest text applied (a longer one is explained, not cut). */
  maxLength?: number;
  /** Takes the keyboard focus when it appears (a row just added). */
  autoFocus?: boolean;
}

/**
 * A labelled text input that applies valid text as you type and explains invalid text; while the
 * text is invalid the design keeps the value from before the edit (see useDraft).
 */
export function TextField({
  label,
  value,
  apply,
  hint,
  multiline,
  placeholder,
  hideLabel,
  className,
  maxLength,
  autoFocus,
}: TextProps) {
  const id = useId();
  const draft = useDraft(value, (text) =>
    maxLength !== undefined && text.length > maxLength
      ? `At most ${maxLength.toLocaleString('en-US')} characters (this is ${text.length.toLocaleString('en-US')}).`
      : apply(text),
  );
  const problemId = `${id}-problem`;
  const common = {
    id,
    value: draft.text,
    placeholder,
    autoFocus,
    'aria-invalid': draft.problem !== null,
    'aria-describedby': draft.problem !== null ? problemId : undefined,
    spellCheck: false,
    onFocus: () => draft.begin(),
    onBlur: () => draft.commit(),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape' && draft.problem !== null) {
        e.stopPropagation();
        draft.reset();
      }
      if (e.key === 'Enter' && !multiline) draft.commit();
    },
  };
  return (
    <div className={`pc-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'pc-sr-only' : 'pc-field__label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => draft.change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => draft.change(e.target.value)} />
      )}
      {draft.problem !== null ? (
        <p id={problemId} className="pc-field__problem" role="alert">
          {draft.problem}
        </p>
      ) : hint ? (
        <div className="pc-field__hint">{hint}</div>
      ) : null}
    </div>
  );
}

interface NumberProps {
  label: string;
  value: number;
  apply: (n: number) => string | null;
  min?: number;
  max?: number;
  hint?: ReactNode;
}

/** A whole-number field; text that is not a whole number is explained, not applied. */
export function NumberField({ label, value, apply, min, max, hint }: NumberProps) {
  return (
    <TextField
      label={label}
      value={String(value)}
      hint={hint}
      className="pc-field--number"
      apply={(text) => {
        const t = text.trim();
        if (!/^-?\d+$/.test(t)) return 'Enter a whole number.';
        const n = Number(t);
        if ((min !== undefined && n < min) || (max !== undefined && n > max))
          return `Enter a number from ${min ?? '…'} to ${max ?? '…'}.`;
        return apply(n);
      }}
    />
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; group?: string }[];
  onChange: (value: T) => void;
  hideLabel?: boolean;
  disabled?: boolean;
}

/** Up to this many options, a select's options are made with it; above, when it is reached. */
const EAGER_OPTIONS = 200;

/**
 * Whether a select of `count` options holds them all yet (`short` while it does not), and the
 * events to spread on it that make them: the first focus or pointer that reaches it. Focus and
 * pointer events come before the select opens or takes a key, so a person never sees it short.
 */
export function useOptionsWhenReached(count: number): {
  short: boolean;
  reach: { onFocus?: () => void; onPointerEnter?: () => void; onPointerDown?: () => void };
} {
  const [reached, setReached] = useState(false);
  const onReach = useCallback(() => setReached(true), []);
  const short = !reached && count > EAGER_OPTIONS;
  return {
    short,
    reach: short ? { onFocus: onReach, onPointerEnter: onReach, onPointerDown: onReach } : {},
  };
}

/**
 * A labelled select; options with a `group` are shown under that heading.
 *
 * A long list (a type select in a design of thousands of types has thousands of options) holds only
 * the chosen option until the pointer or the focus reaches the select: thousands of `<option>`s cost
 * the browser hundreds of milliseconds of style and layout work when the inspector opens (the press
 * on a card at 2,000 services); see `useOptionsWhenReached`.
 */
export function SelectField<T extends string>({
  label,
  value,
  options: all,
  onChange,
  hideLabel,
  disabled,
}: SelectProps<T>) {
  const id = useId();
  const { short, reach } = useOptionsWhenReached(all.length);
  const options = short ? all.filter((o) => o.value === value) : all;
  const groups = [...new Set(options.map((o) => o.group))];
  const render = (os: typeof options) =>
    os.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className="pc-field">
      <label htmlFor={id} className={hideLabel ? 'pc-sr-only' : 'pc-field__label'}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-short-list={short ? '' : undefined}
        onChange={(e) => onChange(e.target.value as T)}
        {...reach}
      >
        {groups.length === 1 && groups[0] === undefined
          ? render(options)
          : groups.map((g) => (
              <optgroup key={g ?? ''} label={g ?? ''}>
                {render(options.filter((o) => o.group === g))}
              </optgroup>
            ))}
      </select>
    </div>
  );
}

/** A small icon-like button that removes a row; the label says what it removes. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="pc-icon-btn" aria-label={label} title={label} onClick={onClick}>
      ×
    </button>
  );
}
