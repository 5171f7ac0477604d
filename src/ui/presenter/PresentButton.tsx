import { useDesignStore } from '../../app/storeContext';
import { usePresenterApi } from './PresenterContext';

/** The top bar's way into the presenter view. */
export function PresentButton() {
  const presenter = usePresenterApi();
  const empty = useDesignStore((s) => s.design.nodes.length === 0);
  return (
    <button
      type="button"
      onClick={() => presenter.getState().start()}
      disabled={empty}
      title={empty ? 'Add nodes to present the design' : 'Present the design step by step (P)'}
      aria-keyshortcuts="P"
    >
      Present
    </button>
  );
}
