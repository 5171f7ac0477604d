import { useRef, useState } from 'react';

/**
 * Text the user is typing that may not be valid yet. A valid value is applied at once (the canvas
 * follows as you type); an invalid one stays in the field with its problem and is not applied, and
 * the design goes back to the value the field had when the user started typing in it: the card
 * never keeps a half-typed value (typing an existing name "result" does not leave "resul" behind,
 * typing port 99999 does not leave 9999). Blur and Enter end the edit: from then on the applied
 * value is the one to go back to. When the applied value changes underneath (undo, another edit),
 * a stale draft is dropped.
 */
export function useDraft(value: string, apply: (text: string) => string | null) {
  const [draft, setDraft] = useState<{ text: string; problem: string; base: string } | null>(null);
  // The applied value when this edit began: what the design returns to while the text is invalid.
  const origin = useRef<string | null>(null);
  const live = draft !== null && draft.base === value ? draft : null;
  return {
    text: live?.text ?? value,
    problem: live?.problem ?? null,
    change(text: string) {
      // A draft the design moved away from (undo) leaves a stale origin behind.
      if (origin.current === null || (draft !== null && live === null)) origin.current = value;
      const problem = apply(text);
      if (problem === null) {
        setDraft(null);
        return;
      }
      let base = value;
      if (value !== origin.current && apply(origin.current) === null) base = origin.current;
      setDraft({ text, problem, base });
    },
    /** The user starts an edit (focus): the value to go back to is the one applied now. */
    begin() {
      if (live === null) origin.current = value;
    },
    /**
     * Blur or Enter: a valid text is already applied and becomes the value to go back to; an
     * invalid draft stays on show with its problem until it is fixed or given up.
     */
    commit() {
      if (live === null) origin.current = null;
    },
    /** Gives up the invalid text and shows the applied value again. */
    reset() {
      setDraft(null);
      origin.current = null;
    },
  };
}
