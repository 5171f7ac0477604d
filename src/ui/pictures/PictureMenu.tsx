import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useReactFlow } from '@xyflow/react';
import { mermaidFlowchart } from '../../core/generators/docs/mermaid';
import { pictureFileName, type Size } from '../../core/generators/picture';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { MermaidDialog } from './MermaidDialog';
import { PictureError, downloadBlob, renderPng, renderSvg, type PictureRequest } from './picture';
import './pictures.css';

const percent = (n: number) => `${Math.round(n * 100)}%`;

/** The Picture menu: the canvas as PNG or SVG for slides, and the design as Mermaid text. */
export function PictureMenu() {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const empty = useDesignStore((s) => s.design.nodes.length === 0);
  const [open, setOpen] = useState(false);
  const [transparent, setTransparent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mermaid, setMermaid] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? []);

  useEffect(() => {
    if (!open) return;
    // with every item disabled (an empty canvas) the menu itself takes the focus, for Escape
    (items()[0] ?? menu.current)?.focus();
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  const request = (): PictureRequest => {
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) {
      const { width, height } = n.measured ?? {};
      if (width && height) sizes.set(n.id, { width, height });
    }
    return { design: store.getState().design, sizes, transparent };
  };

  const fail = (what: string, e: unknown) =>
    store.getState().notify({
      tone: 'error',
      placement: 'toast',
      title: `Could not make the ${what}`,
      text: `${e instanceof PictureError ? e.message : String(e)} Your design was not changed.`,
    });

  const downloadSvg = () => {
    close();
    try {
      const req = request();
      downloadBlob(
        pictureFileName(req.design, 'svg'),
        new Blob([renderSvg(req).svg], { type: 'image/svg+xml;charset=utf-8' }),
      );
    } catch (e) {
      fail('SVG', e);
    }
  };

  const downloadPng = async () => {
    close();
    setBusy(true);
    try {
      const req = request();
      const { blob, scale } = await renderPng(req);
      downloadBlob(pictureFileName(req.design, 'png'), blob);
      if (scale.reduced)
        store.getState().notify({
          tone: 'warning',
          placement: 'toast',
          title: 'The PNG was scaled down',
          text: `The design is too large for a sharp bitmap: the PNG is ${scale.width}×${scale.height} pixels, ${percent(scale.scale)} of its size on the canvas. The SVG keeps every detail.`,
        });
    } catch (e) {
      fail('PNG', e);
    } finally {
      setBusy(false);
    }
  };

  const downloadMermaid = () => {
    const { design } = store.getState();
    downloadBlob(pictureFileName(design, 'mmd'), new Blob([`${mermaidFlowchart(design)}\n`], { type: 'text/plain' }));
  };

  return (
    <div className="pc-pictures" ref={wrap}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'pc-pictures-menu' : undefined}
        aria-busy={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      >
        Picture
      </button>
      {open ? (
        <div
          ref={menu}
          id="pc-pictures-menu"
          className="pc-pictures__menu"
          role="menu"
          aria-label="Picture"
          tabIndex={-1}
          onKeyDown={onMenuKey}
        >
          <button type="button" role="menuitem" disabled={empty || busy} onClick={() => void downloadPng()}>
            Download PNG
            <small>for slides, 2× sharp</small>
          </button>
          <button type="button" role="menuitem" disabled={empty} onClick={downloadSvg}>
            Download SVG
            <small>scales to any size</small>
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={transparent}
            disabled={empty}
            onClick={() => setTransparent((t) => !t)}
          >
            <span className="pc-pictures__check" aria-hidden="true">
              {transparent ? '✓' : ''}
            </span>
            Transparent background
          </button>
          <div className="pc-pictures__sep" role="separator" />
          <button
            type="button"
            role="menuitem"
            aria-haspopup="dialog"
            disabled={empty}
            onClick={() => {
              // the dialog gives the focus back to the Picture button when it closes
              close();
              setMermaid(mermaidFlowchart(store.getState().design));
            }}
          >
            Mermaid text…
            <small>for Markdown and docs</small>
          </button>
          {empty ? <p className="pc-pictures__hint">Add a node to the canvas to make a picture.</p> : null}
        </div>
      ) : null}
      {mermaid !== null
        ? createPortal(
            <MermaidDialog text={mermaid} onDownload={downloadMermaid} onClose={() => setMermaid(null)} />,
            document.body,
          )
        : null}
    </div>
  );
}
