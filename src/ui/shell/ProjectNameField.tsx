import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { useDraft } from '../inspector/useDraft';

/** The project name in the top bar: the export's name and the proto root package. */
export function ProjectNameField() {
  const store = useDesignStoreApi();
  const name = useDesignStore((s) => s.design.name);
  const draft = useDraft(name, (text) => {
    const r = store.getState().renameProject(text);
    return r.ok ? null : r.reason;
  });
  return (
    <div className="pc-project">
      <label htmlFor="pc-project-name" className="pc-sr-only">
        Project name
      </label>
      <input
        id="pc-project-name"
        className="pc-project__input"
        value={draft.text}
        spellCheck={false}
        aria-invalid={draft.problem !== null}
        aria-describedby={draft.problem !== null ? 'pc-project-problem' : undefined}
        onChange={(e) => draft.change(e.target.value)}
        onFocus={() => draft.begin()}
        onBlur={() => draft.commit()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') draft.reset();
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {draft.problem !== null ? (
        <span id="pc-project-problem" className="pc-project__problem" role="alert">
          {draft.problem}
        </span>
      ) : null}
    </div>
  );
}
