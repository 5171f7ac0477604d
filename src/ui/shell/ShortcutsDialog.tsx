import { useRef } from 'react';
import { Modal } from './Modal';
import { SHORTCUTS } from './shortcuts';
import { useUi } from './uiState';

/** The `?` overlay: every shortcut of the app, from the same table as the README's list. */
export function ShortcutsDialog() {
  const open = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  const close = () => setOpen(false);
  return (
    <Modal
      className="pc-dialog pc-shortcuts"
      labelledBy="pc-shortcuts-title"
      onClose={close}
      initialFocus={() => closeRef.current?.focus()}
    >
      <h2 id="pc-shortcuts-title">Keyboard shortcuts</h2>
      <div className="pc-shortcuts__groups">
        {SHORTCUTS.map((g) => (
          <table key={g.title} className="pc-shortcuts__group">
            <caption>{g.title}</caption>
            <tbody>
              {g.shortcuts.map((s) => (
                <tr key={s.action}>
                  <th scope="row">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 ? <span className="pc-shortcuts__or"> · </span> : null}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </th>
                  <td>{s.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="pc-dialog__actions">
        <button ref={closeRef} type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
