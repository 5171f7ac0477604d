import { useRef, useState } from 'react';
import { Modal, copyOrSelect } from '../shell/Modal';

interface Props {
  text: string;
  onDownload: () => void;
  onClose: () => void;
}

/** The design as Mermaid text, read-only, with Copy and Download. */
export function MermaidDialog({ text, onDownload, onClose }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    if (area.current) setCopied((await copyOrSelect(area.current, text)) ? 'yes' : 'select');
  };

  const lines = text.split('\n').length;
  return (
    <Modal
      className="pc-dialog pc-mermaid"
      labelledBy="pc-mermaid-title"
      onClose={onClose}
      initialFocus={() => {
        area.current?.focus();
        area.current?.select();
      }}
    >
      <h2 id="pc-mermaid-title">Mermaid text</h2>
      <div className="pc-dialog__body">
        <p>
          The architecture as a Mermaid flowchart. Paste it into a <code>```mermaid</code> block in Markdown (GitHub,
          GitLab, Notion, Obsidian) or into the Mermaid live editor.
        </p>
        <textarea
          ref={area}
          className="pc-mermaid__text"
          readOnly
          spellCheck={false}
          aria-label="Mermaid text"
          rows={Math.min(14, Math.max(4, lines))}
          value={text}
        />
        <p className="pc-mermaid__meta" role="status">
          {lines} lines
          {copied === 'yes' ? ' · Copied to the clipboard' : ''}
          {copied === 'select' ? ' · The text is selected: press Ctrl+C to copy it' : ''}
        </p>
      </div>
      <div className="pc-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="pc-mermaid__primary" onClick={onDownload}>
          Download .mmd
        </button>
        <button type="button" className="pc-mermaid__primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
    </Modal>
  );
}
