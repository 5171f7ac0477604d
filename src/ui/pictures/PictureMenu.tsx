import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useReactFlow } from '@xyflow/react';
import type { Size } from '../../core/generators/picture';
import { pictureFileName } from '../../core/generators/picture/raster';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { Menu } from '../shell/Menu';
import { MermaidDialog } from './MermaidDialog';
import type { PictureRequest } from './picture';
import './pictures.css';
import { useTheme } from '../shell/theme';

const percent = (n: number) => `${Math.round(n * 100)}%`;

// The drawing code is loaded on the first download: opening the editor does not load it.
const loadPictures = () => import('./picture');
const loadMermaid = () => import('../../core/generators/docs/mermaid');

/** The Picture menu: the canvas as PNG or SVG for slides, and the design as Mermaid text. */
export function PictureMenu() {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const empty = useDesignStore((s) => s.design.nodes.length === 0);
  const [transparent, setTransparent] = useState(false);
  const [light, setLight] = useState(false);
  const dark = useTheme((s) => s.theme === 'dark');
  const [busy, setBusy] = useState(false);
  const [mermaid, setMermaid] = useState<string | null>(null);

  const request = (): PictureRequest => {
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) {
      const { width, height } = n.measured ?? {};
      if (width && height) sizes.set(n.id, { width, height });
    }
    return { design: store.getState().design, sizes, transparent, light: light || !dark };
  };

  const fail = (what: string, e: unknown) =>
    store.getState().notify({
      tone: 'error',
      placement: 'toast',
      title: `Could not make the ${what}`,
      text: `${e instanceof Error && e.name === 'PictureError' ? e.message : String(e)} Your design was not changed.`,
    });

  const downloadSvg = async () => {
    try {
      const req = request();
      const { downloadBlob, renderSvg } = await loadPictures();
      downloadBlob(
        pictureFileName(req.design, 'svg'),
        new Blob([renderSvg(req).svg], { type: 'image/svg+xml;charset=utf-8' }),
      );
    } catch (e) {
      fail('SVG', e);
    }
  };

  const downloadPng = async () => {
    setBusy(true);
    try {
      const req = request();
      const { downloadBlob, renderPng } = await loadPictures();
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

  const downloadMermaid = async () => {
    const { design } = store.getState();
    const [{ downloadBlob }, { mermaidFlowchart }] = await Promise.all([loadPictures(), loadMermaid()]);
    downloadBlob(pictureFileName(design, 'mmd'), new Blob([`${mermaidFlowchart(design)}\n`], { type: 'text/plain' }));
  };

  return (
    <>
      <Menu
        id="pc-pictures-menu"
        label="Picture"
        button="Picture"
        buttonProps={{ 'aria-busy': busy }}
        className="pc-pictures"
        menuClassName="pc-pictures__menu"
      >
        <button type="button" role="menuitem" disabled={empty || busy} onClick={() => void downloadPng()}>
          Download PNG
          <small>for slides, 2× sharp</small>
        </button>
        <button type="button" role="menuitem" disabled={empty} onClick={() => void downloadSvg()}>
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
        {dark ? (
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={light}
            disabled={empty}
            onClick={() => setLight((l) => !l)}
          >
            <span className="pc-pictures__check" aria-hidden="true">
              {light ? '✓' : ''}
            </span>
            Light colours
          </button>
        ) : null}
        <div className="pc-menu__sep" role="separator" />
        <button
          type="button"
          role="menuitem"
          aria-haspopup="dialog"
          disabled={empty}
          // the menu gives the focus to the Picture button first; the dialog gives it back there
          onClick={() =>
            void loadMermaid().then(({ mermaidFlowchart }) => setMermaid(mermaidFlowchart(store.getState().design)))
          }
        >
          Mermaid text…
          <small>for Markdown and docs</small>
        </button>
        {empty ? <p className="pc-menu__hint">Add a node to the canvas to make a picture.</p> : null}
      </Menu>
      {mermaid !== null
        ? createPortal(
            <MermaidDialog text={mermaid} onDownload={() => void downloadMermaid()} onClose={() => setMermaid(null)} />,
            document.body,
          )
        : null}
    </>
  );
}
