import { useState } from 'react';

/**
 * Text the user is typing that may not be valid yet. A valid value is applied at once (the canvas
 * follows as you type); an invalid one stays in the field with its problem and is not applied.
 * When the applied value changes underneath (undo, another edit), a stale draft is dropped.
 */
export function useDraft(value: string, apply: (text: string) => string | null) {
  const [draft, setDraft] = useState<{ text: string; problem: string; base: string } | null>(null);
  const live = draft !== null && draft.base === value ? draft : null;
  return {
    text: live?.text ?? value,
    problem: live?.problem ?? null,
    change(text: string) {
      const problem = apply(text);
      setDraft(problem === null ? null : { text, problem, base: value });
    },
    /** Gives up the invalid text and shows the applied value again. */
    reset() {
      setDraft(null);
    },
  };
}
