import JSZip from 'jszip';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'compose');

test.describe('compose import', () => {
  test('Open imports a short-syntax compose file, lists each warning, and Undo brings the old design back', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
    await expect(ed.node('go-service')).toBeVisible();
    const before = await ed.getDesign();

    await ed.chooseFile('Open…', join(FIXTURES, 'shop-v3.yaml'));
    // The canvas has a design: Open asks before it replaces it.
    await expect(ed.replaceDialog).toContainText('the current design (1 node and 0 links)');
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Imported shop-v3.yaml: 9 nodes, 8 links' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('8 things could not be mapped');
    await expect(banner.getByRole('listitem')).toHaveCount(8);
    await expect(banner).toContainText(
      'rabbitmq: the design shows port 5672; 15672:15672 is kept in the exported compose file as written',
    );
    // the imported design is framed: every card is on screen, below the banner
    for (const name of ['gateway', 'orders', 'catalog', 'pricing', 'mailer', 'db', 'rabbitmq', 'cache', 'mailhog'])
      await expect(ed.node(name)).toBeInViewport({ ratio: 0.99 });
    await expect(ed.node('go-service')).toHaveCount(0);
    await expect(page.getByLabel('Project name')).toHaveValue('shop-v3');

    const d = await ed.getDesign();
    const byName = Object.fromEntries(d.nodes.map((n) => [n.name, n]));
    expect(byName.orders).toMatchObject({ kind: 'python-fastapi', image: 'acme/orders:1.4' });
    expect(byName.catalog).toMatchObject({ kind: 'go-nethttp', port: 8080, hostPort: 8081 });
    expect(byName.mailhog).toMatchObject({ kind: 'container', image: 'mailhog/mailhog:v1.0.1' });
    expect(d.links).toHaveLength(8);

    // the container shows its image in the inspector, where it can be changed
    await ed.node('mailhog').click();
    const image = ed.inspector.getByLabel('Image');
    await expect(image).toHaveValue('mailhog/mailhog:v1.0.1');
    await image.fill('mailhog/mailhog:v1.0.0');
    await expect
      .poll(async () => (await ed.getDesign()).nodes.find((n) => n.name === 'mailhog')?.image)
      .toBe('mailhog/mailhog:v1.0.0');

    // catalog publishes 8081 for its port 8080; 0 publishes nothing
    await ed.node('catalog').click();
    await expect(ed.field('Port')).toHaveValue('8080');
    await expect(ed.field('Host port')).toHaveValue('8081');
    await ed.field('Host port').fill('0');
    await expect.poll(async () => (await ed.getDesign()).nodes.find((n) => n.name === 'catalog')?.hostPort).toBe(0);

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('go-service')).toBeVisible();
    // Undo brings the design back; the camera stays where the import framed it
    expect({ ...(await ed.getDesign()), viewport: before.viewport }).toEqual(before);

    // Redo brings the import and both edits back; a broken image reference is named in the inspector
    for (let i = 0; i < 3; i++) await page.keyboard.press(`${ed.mod}+Shift+z`);
    await expect.poll(async () => (await ed.getDesign()).nodes.find((n) => n.name === 'catalog')?.hostPort).toBe(0);
    await ed.node('mailhog').click();
    await expect(image).toHaveValue('mailhog/mailhog:v1.0.0');
    await image.fill('not an image!');
    await expect(ed.inspector).toContainText('is not an image reference');
  });

  test('Import compose or Kubernetes… reads long syntax, anchors and extends; Export keeps the images and published ports', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Import compose or Kubernetes…', join(FIXTURES, 'long-syntax.yaml'));
    const banner = page.getByRole('status').filter({ hasText: 'Imported long-syntax.yaml: 7 nodes, 5 links' });
    await expect(banner).toContainText('base-worker: the env file ./config/common.env is not read');
    await expect(banner).toContainText('Every setting of base-worker, ingest, enricher');
    await expect(banner).toContainText('Variables with no default were left empty in the design: INGEST_TOKEN');
    await expect(page.getByLabel('Project name')).toHaveValue('telemetry');
    for (const name of ['ingest', 'enricher', 'metadata', 'kafka', 'mongo', 'grafana', 'base-worker'])
      await expect(ed.node(name)).toBeInViewport({ ratio: 0.99 });

    const d = await ed.getDesign();
    const kinds = Object.fromEntries(d.nodes.map((n) => [n.name, n.kind]));
    expect(kinds).toMatchObject({
      ingest: 'go-nethttp',
      metadata: 'node-express',
      kafka: 'kafka',
      enricher: 'container',
    });
    expect(d.nodes.find((n) => n.name === 'enricher')?.image).toBe('ghcr.io/acme/worker-base:2.1');

    // Export downloads a project whose compose.yaml keeps the images and the published ports
    const { fileName, bytes } = await ed.exportProject();
    expect(fileName).toBe('telemetry.zip');
    const zip = await JSZip.loadAsync(bytes);
    const compose = (await zip.file(/compose\.yaml$/)[0]?.async('string')) ?? '';
    // as written: the interpolation and the long port syntax
    expect(compose).toContain('image: ghcr.io/acme/ingest:${INGEST_TAG:-0.9.0}');
    expect(compose).toContain('published: "18080"');
    expect(compose).toContain('- published: 3001\n        target: 3000');
    expect(compose).toContain('image: bitnami/kafka:3.7');
  });

  test('Open a voting app: the notice names what is kept, and the exported zip keeps builds, the job and the credentials', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Open…', join(FIXTURES, 'voting-app.yaml'));
    const banner = page.getByRole('status').filter({ hasText: 'Imported voting-app.yaml: 6 nodes' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(
      'worker: keeps its own build (context ./worker, Dockerfile Dockerfile); the export writes it back as it was and generates no stub over it.',
    );
    await expect(banner).toContainText('Every setting of vote, result, worker, redis, db, seed');
    await expect(page.getByLabel('Project name')).toHaveValue('voting-app');

    const { bytes } = await ed.exportProject();
    const zip = await JSZip.loadAsync(bytes);
    const text = async (name: RegExp) => (await zip.file(name)[0]?.async('string')) ?? '';
    const compose = await text(/(^|\/)compose\.yaml$/);
    expect(compose).toContain('POSTGRES_USER: postgres');
    expect(compose).toContain('POSTGRES_PASSWORD: postgres');
    expect(compose).toContain('DATABASE_URL=postgres://postgres:postgres@db:5432/postgres');
    expect(compose).not.toMatch(/POSTGRES_(USER|DB): app/);
    expect(compose).toMatch(/seed:\n {4}build: \.\/seed-data\n {4}profiles:\n {6}- seed\n/);
    expect(compose).toContain('restart: "no"');
    expect(compose).toContain('      context: ./worker\n      dockerfile: Dockerfile');
    expect(await text(/(^|\/)\.env$/)).toMatch(/^DB_PASSWORD=postgres$/m);
    expect(zip.file(/services\/worker\//)).toHaveLength(0);
  });

  test('a broken compose file dropped on the window shows why and leaves the design unchanged', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('PostgreSQL', { x: 300, y: 220 });
    await expect(ed.node('postgres')).toBeVisible();
    const before = await ed.getDesign();

    await ed.dropFile('broken.yaml', await readFile(join(FIXTURES, 'broken.yaml'), 'utf8'));
    const alert = page.getByRole('alert').filter({ hasText: 'Could not import broken.yaml' });
    await expect(alert).toContainText('The file is not valid YAML');
    await expect(alert).toContainText('Your current design was not changed.');
    expect(await ed.getDesign()).toEqual(before);

    // a YAML file that is not compose is refused the same way
    await ed.dropFile('config.yml', 'logging:\n  level: debug\n');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not import config.yml' })).toContainText(
      'no "services:" mapping',
    );
    expect(await ed.getDesign()).toEqual(before);
    await expect(ed.node('postgres')).toBeVisible();
  });
});

test.describe('Kubernetes folder import', () => {
  const KUSTOMIZE = join(import.meta.dirname, '..', 'test', 'fixtures', 'kubernetes', 'kustomize');

  test('Import Kubernetes folder… reads an overlay over its base: images, generated credentials, and what it did not apply', async ({
    page,
  }) => {
    // the folder a team keeps: a base and its production overlay
    const folder = join(await mkdtemp(join(tmpdir(), 'pgc-k8s-')), 'orders-prod');
    await cp(join(KUSTOMIZE, 'base'), join(folder, 'base'), { recursive: true });
    await cp(join(KUSTOMIZE, 'overlays', 'prod'), join(folder, 'overlays', 'prod'), { recursive: true });

    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
    await expect(ed.node('go-service')).toBeVisible();
    await ed.chooseFile('Import Kubernetes folder…', folder);
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();

    const banner = page.getByRole('status').filter({ hasText: 'Imported orders-prod: 3 nodes, 3 links' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(
      'Parts of the kustomization were not applied: namespace (overlays/prod/kustomization.yaml), patches (overlays/prod/kustomization.yaml). For the exact manifests, run `kubectl kustomize overlays/prod > manifests.yaml` and import that file.',
    );
    for (const name of ['api', 'orders-db', 'worker']) await expect(ed.node(name)).toBeVisible();
    await expect(ed.node('go-service')).toHaveCount(0);

    const { bytes } = await ed.exportProject();
    const zip = await JSZip.loadAsync(bytes);
    const text = async (name: RegExp) => (await zip.file(name)[0]?.async('string')) ?? '';
    const compose = await text(/(^|\/)compose\.yaml$/);
    // the overlay's image, the base's generated ConfigMap, and its secretGenerator's credentials (in .env)
    expect(compose).toContain('image: ghcr.io/acme/orders-api:2.0.0');
    expect(compose).toContain('LOG_LEVEL: info');
    expect(await text(/(^|\/)\.env$/)).toMatch(/^ORDERS_DB_USER=orders$/m);
    expect(await text(/(^|\/)\.env$/)).toMatch(/^ORDERS_DB_PASSWORD=orders-pw$/m);

    // Undo brings the design back as it was
    await page.keyboard.press('Control+z');
    await expect(ed.node('go-service')).toBeVisible();
  });

  test('a folder with two overlays and none at its top asks which one, and changes nothing', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Import Kubernetes folder…', KUSTOMIZE);
    await expect(page.getByRole('alert').filter({ hasText: 'Could not import kustomize' })).toContainText(
      'several kustomizations that none other includes (overlays/dev, overlays/prod)',
    );
    expect((await ed.getDesign()).nodes).toHaveLength(0);
  });
});
