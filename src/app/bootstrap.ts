import { corruptMessage, loadSaved, startAutosave, type Autosave, type StorageLike } from './persistence';
import { createDesignStore, type DesignStoreApi, type Notice } from './store';

export interface AppRuntime {
  store: DesignStoreApi;
  /** Null when autosave is off (no storage, or a broken saved copy that could not be backed up). */
  autosave: Autosave | null;
}

/**
 * Builds the store from what the browser saved last time and starts autosave. Whatever goes wrong
 * on the way is turned into a notice; the editor always starts.
 */
export function startApp(storage: StorageLike | null): AppRuntime {
  const notices: Notice[] = [];
  const outcome = storage ? loadSaved(storage) : ({ status: 'unavailable', error: 'No local storage.' } as const);
  let design;
  let canAutosave = storage !== null;
  switch (outcome.status) {
    case 'loaded':
      design = outcome.design;
      if (outcome.warnings.length > 0)
        notices.push({
          id: 'restore-warnings',
          tone: 'warning',
          placement: 'banner',
          title: 'Your saved design was restored with repairs',
          text:
            outcome.backupKey !== null
              ? `The original was kept under key "${outcome.backupKey}".`
              : 'The original could not be backed up.',
          details: outcome.warnings,
        });
      break;
    case 'corrupt':
      canAutosave = outcome.backupKey !== null;
      notices.push({
        id: 'restore-corrupt',
        tone: 'error',
        placement: 'banner',
        title: 'Saved design not restored',
        text: corruptMessage(outcome.error, outcome.backupKey),
      });
      break;
    case 'unavailable':
      canAutosave = false;
      notices.push({
        id: 'storage-unavailable',
        tone: 'warning',
        placement: 'banner',
        text: `${outcome.error} Your work is not saved automatically; use Save to keep it.`,
      });
      break;
    case 'empty':
      break;
  }
  const store = createDesignStore({ design, notices });
  const autosave =
    storage && canAutosave
      ? startAutosave(store, storage, {
          onError: (text) => store.getState().notify({ tone: 'error', placement: 'banner', text }),
        })
      : null;
  return { store, autosave };
}

/** The page's localStorage, or null when the browser refuses it. */
export function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
