import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/app.css';
import './ui/styles/canvas.css';
import './ui/styles/canvasOverlays.css';
import './ui/styles/palette.css';
import './ui/styles/inspector.css';
import './ui/styles/notices.css';
import './ui/styles/preview.css';
import './ui/templates/templates.css';
import './ui/share/share.css';
import './ui/checks/checks.css';
import { browserStorage, startApp } from './app/bootstrap';
import { installTestBridge } from './app/testBridge';
import { App } from './ui/shell/App';
import { ConnectedPreview, ExportToolbar } from './ui/preview/ExportTools';
import { TemplatesButton } from './ui/templates/TemplatesGallery';
import { ShareTools } from './ui/share/ShareTools';
import { ChecksTools } from './ui/checks/ChecksTools';
import { PictureMenu } from './ui/pictures/PictureMenu';
import { PresentButton } from './ui/presenter/PresentButton';
import './ui/presenter/presenter.css';
import { AutoLayoutButton } from './ui/layout/AutoLayoutButton';
import { startTheme } from './ui/shell/theme';
import { ThemeMenu } from './ui/shell/ThemeMenu';

startTheme();
const { store, autosave } = startApp(browserStorage());
installTestBridge(store);
// A reload or a closed tab must not lose the last 400 ms of work.
window.addEventListener('pagehide', () => autosave?.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') autosave?.flush();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
function Root() {
  const [previewOpen, setPreviewOpen] = useState(false);
  return (
    <App
      store={store}
      toolbarExtras={
        <>
          <ChecksTools />
          <AutoLayoutButton />
          <TemplatesButton />
          <PresentButton />
          <span className="pc-toolbar__gap" aria-hidden="true" />
          <ThemeMenu />
          <ShareTools />
          <PictureMenu />
          <ExportToolbar previewOpen={previewOpen} onTogglePreview={() => setPreviewOpen((o) => !o)} />
        </>
      }
      sidePanel={previewOpen ? <ConnectedPreview onClose={() => setPreviewOpen(false)} /> : null}
    />
  );
}

createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
