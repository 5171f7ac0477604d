import { useEffect, useRef, useState } from 'react';
import { MAX_SHARE_LENGTH } from '../../app/share/shareLink';
import type { ShareLink } from '../../app/share/incoming';
import { Modal, copyOrSelect } from '../shell/Modal';

interface Props {
  /** Null while the link is being packed. */
  link: ShareLink | null;
  /** The secret values in the design, as "KEY of node". */
  secrets?: readonly string[];
  onSaveFile: () => void;
  onClose: () => void;
}

/**
 * The share link, its length and a Copy button; a link too long for a chat offers the file. A
 * design with secret values says that the link carries them as they are.
 */
export function ShareDialog({ link, secrets = [], onSaveFile, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  useEffect(() => {
    if (link) input.current?.select();
  }, [link]);

  return (
    <Modal className="pc-dialog pc-share" labelledBy="pc-share-title" onClose={onClose}>
      <h2 id="pc-share-title">Share this design</h2>
      <div className="pc-dialog__body">
        <p>Anyone who opens the link gets a copy of the design. It travels inside the link; no server stores it.</p>
        <div className="pc-share__row">
          <input
            ref={input}
            readOnly
            aria-label="Share link"
            value={link?.url ?? 'Packing the design…'}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="pc-share__copy"
            disabled={!link}
            onClick={() => {
              if (link && input.current)
                void copyOrSelect(input.current, link.url).then((ok) => setCopied(ok ? 'yes' : 'select'));
            }}
          >
            Copy
          </button>
        </div>
        <p className="pc-share__meta" role="status">
          {link ? `${link.length.toLocaleString('en')} characters` : ''}
          {copied === 'yes' ? ' · Copied to the clipboard' : ''}
          {copied === 'select' ? ' · The link is selected: press Ctrl+C to copy it' : ''}
        </p>
        {secrets.length > 0 ? <p className="pc-share__warning">{secretsWarning(secrets)}</p> : null}
        {link?.tooLong ? (
          <p className="pc-share__warning">
            This link is longer than {MAX_SHARE_LENGTH.toLocaleString('en')} characters, more than many chats and mail
            programs keep intact. Save the design as a file and send that instead.
          </p>
        ) : null}
      </div>
      <div className="pc-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        {link?.tooLong ? (
          <button type="button" className="pc-share__primary" onClick={onSaveFile}>
            Save as file
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

/** What the dialog says of the secret values a link carries. */
function secretsWarning(secrets: readonly string[]): string {
  const one = secrets.length === 1;
  const named = secrets.slice(0, 3).join(', ') + (secrets.length > 3 ? ` and ${secrets.length - 3} more` : '');
  return `The link holds ${one ? 'a secret value as it is' : `${secrets.length} secret values as they are`} (${named}): anyone who has the link can read ${one ? 'it' : 'them'}. Clear real keys and passwords before you share.`;
}
