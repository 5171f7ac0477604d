import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { parse, parseAllDocuments } from 'yaml';
import { EditorPage } from './pages/EditorPage';

const REASON = /No stub yet: ASP\.NET Core needs Microsoft's \.NET SDK and NuGet packages/;

test('a .NET service is diagram only: the palette and the inspector say why, and k8s/ deploys nothing for it', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();

  // the palette says why, on the entry and in its tooltip
  const entry = ed.paletteItem('.NET · ASP.NET Core');
  await expect(entry).toContainText('diagram only for now');
  await expect(entry).toContainText(REASON);
  await expect(entry).toHaveAttribute('title', REASON);
  await expect(ed.paletteItem('Go · net/http')).not.toContainText('No stub yet');

  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('.NET · ASP.NET Core', { x: 560, y: 200 });
  await ed.connect('python-service', 'csharp-service');
  await page.keyboard.press('Escape');
  await expect(ed.edgeLabel('REST')).toBeVisible();

  // the inspector of the selected card says why, in one line
  await ed.node('csharp-service').click();
  const why = ed.inspector.getByTestId('diagram-only-reason');
  await expect(why).toHaveText(REASON);
  await expect(why).toHaveText(/^Diagram only\. No stub yet: [^\n]+\.$/);
  await ed.node('python-service').click();
  await expect(ed.inspector.getByTestId('diagram-only-reason')).toHaveCount(0);

  await ed.pane.click({ position: { x: 40, y: 600 } });
  const { bytes } = await ed.exportProject();
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const f = zip.file(path);
    expect(f, path).not.toBeNull();
    return f!.async('string');
  };

  // kustomization lists the Python service and not the .NET one; its file is comments only
  const kustomization = parse(await text('k8s/kustomization.yaml')) as { resources: string[] };
  expect(kustomization.resources).toContain('python-service.yaml');
  expect(kustomization.resources).not.toContain('csharp-service.yaml');
  const placeholder = await text('k8s/csharp-service.yaml');
  expect(placeholder).toMatch(REASON);
  expect(placeholder.split('\n').every((l) => l === '' || l.startsWith('#'))).toBe(true);

  // no object under k8s/ or in the chart belongs to it (the caller's NetworkPolicy may name it)
  const k8sFiles = Object.keys(zip.files).filter((n) => /^(k8s|helm\/templates)\/[^/]+\.yaml$/.test(n));
  let objects = 0;
  for (const name of k8sFiles) {
    for (const doc of parseAllDocuments(await text(name))) {
      const o = doc.toJS() as { kind?: string; metadata?: { name?: string; labels?: Record<string, string> } } | null;
      if (!o?.kind || o.kind === 'NetworkPolicy' || o.kind === 'Kustomization') continue;
      objects++;
      expect(o.metadata?.labels?.['app.kubernetes.io/name'], `${name}: ${o.kind}`).not.toBe('csharp-service');
      expect(o.metadata?.name ?? '', `${name}: ${o.kind}`).not.toMatch(/^csharp-service/);
    }
  }
  expect(objects, 'the Python service is deployed').toBeGreaterThan(3);
  expect(zip.file('helm/templates/csharp-service.yaml')).toBeNull();
  expect(await text('helm/templates/NOTES.txt')).toMatch(REASON);

  // compose keeps it under the todo profile; its caller still has its address
  const compose = parse(await text('compose.yaml')) as {
    services: Record<string, { profiles?: string[]; environment?: Record<string, string> }>;
  };
  expect(compose.services['csharp-service']?.profiles).toEqual(['todo']);
  expect(compose.services['python-service']?.profiles).toBeUndefined();
  expect(compose.services['python-service']?.environment?.CSHARP_SERVICE_URL).toBe('http://csharp-service:8080');
  expect(await text('README.md')).toContain('[k8s/csharp-service.yaml](k8s/csharp-service.yaml)');
});
