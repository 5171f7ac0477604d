import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { parseAllDocuments } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

// A payment service that reads its API key from a Secret, and a setting from its own env.
const MANIFEST = `apiVersion: v1
kind: Secret
metadata:
  name: payment-keys
type: Opaque
stringData:
  STRIPE_KEY: sk_live_51HxQz
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  selector:
    matchLabels: {app: payments}
  template:
    metadata:
      labels: {app: payments}
    spec:
      containers:
        - name: payments
          image: ghcr.io/acme/payments:1.4.0
          ports:
            - containerPort: 8080
          env:
            - name: STRIPE_KEY
              valueFrom:
                secretKeyRef: {name: payment-keys, key: STRIPE_KEY}
            - name: LOG_LEVEL
              value: debug
`;
const KEY = 'sk_live_51HxQz';

test('a value read from a Kubernetes Secret is masked in the inspector, and the export keeps it in .env and Secrets only', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.chooseFile('Import compose or Kubernetes…', {
    name: 'payments.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(MANIFEST),
  });
  const banner = page.getByRole('status').filter({ hasText: 'Imported payments.yaml' });
  await expect(banner).toContainText(
    'Values of the Secrets payment-keys were read into the environment of the services that use them, marked secret',
  );
  await ed.node('payments').click();

  // masked: the value is nowhere on the page until asked for
  const show = ed.inspector.getByRole('button', { name: 'Show value of STRIPE_KEY' });
  await expect(show).toBeVisible();
  await expect(ed.inspector.getByRole('button', { name: 'STRIPE_KEY is secret' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await page.content()).not.toContain(KEY);
  await expect(ed.field('Value of LOG_LEVEL')).toHaveValue('debug');

  await show.click();
  const value = ed.field('Value of STRIPE_KEY');
  await expect(value).toHaveValue(KEY);
  await expect(value).toBeFocused();
  // an edit keeps the mark
  await value.fill(`${KEY}9`);
  await value.press('Enter');
  await ed.inspector.getByRole('button', { name: 'Hide value of STRIPE_KEY' }).click();
  await expect(value).toBeHidden();
  await expect(show).toBeVisible();
  const env = (await ed.getDesign()).nodes.find((n) => n.name === 'payments')?.env;
  expect(env).toContainEqual({ key: 'STRIPE_KEY', value: `${KEY}9`, secret: true });

  // marking an ordinary value secret masks it; Undo takes the mark back
  await ed.inspector.getByRole('button', { name: 'LOG_LEVEL is secret' }).click();
  await expect(ed.field('Value of LOG_LEVEL')).toBeHidden();
  await expect(ed.inspector.getByRole('button', { name: 'Show value of LOG_LEVEL' })).toBeVisible();
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(ed.field('Value of LOG_LEVEL')).toHaveValue('debug');
  await expect(ed.inspector.getByRole('button', { name: 'LOG_LEVEL is secret' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // a share link carries the design as it is: the dialog says so
  await ed.button('Share').click();
  const share = page.getByRole('dialog', { name: 'Share this design' });
  await expect(share).toContainText(
    'The link holds a secret value as it is (STRIPE_KEY of payments): anyone who has the link can read it.',
  );
  await share.getByRole('button', { name: 'Close' }).click();

  const designed = await ed.getDesign();
  const { fileName, bytes } = await ed.exportProject();
  const zip = await JSZip.loadAsync(bytes);
  // the zip holds the project in a folder of its own
  const text = async (path: string) =>
    (await zip.file(new RegExp(`(^|/)${path.replaceAll('.', '\\.')}$`))[0]?.async('string')) ?? '';
  const compose = await text('compose.yaml');
  expect(compose).toMatch(/STRIPE_KEY: \$\{PAYMENTS__STRIPE_KEY[:}]/);
  expect(compose).not.toContain(KEY);
  expect(await text('.env')).toMatch(new RegExp(`^PAYMENTS__STRIPE_KEY=${KEY}9$`, 'm'));

  // Kubernetes: the Secret is made by kustomize from a git-ignored env file; no manifest holds it
  const docs = parseAllDocuments(await text('k8s/payments.yaml')).map(
    (d) => d.toJS() as { kind: string; stringData?: Record<string, string> },
  );
  expect(docs.find((d) => d.kind === 'Secret')).toBeUndefined();
  for (const d of docs) expect(JSON.stringify(d), d.kind).not.toContain(KEY);
  expect(JSON.stringify(docs.find((d) => d.kind === 'Deployment'))).toContain(
    '"valueFrom":{"secretKeyRef":{"name":"payments-credentials","key":"STRIPE_KEY"}}',
  );
  expect(await text('k8s/kustomization.yaml')).toContain('- secrets/payments-credentials.env');
  expect(await text('k8s/secrets/payments-credentials.env')).toMatch(new RegExp(`^STRIPE_KEY=${KEY}9$`, 'm'));
  expect(await text('k8s/secrets/payments-credentials.env.example')).toMatch(/^STRIPE_KEY=$/m);
  // Helm: the value only in the git-ignored values file
  expect(await text('helm/values.yaml')).not.toContain(KEY);
  expect(await text('helm/values.secret.yaml')).toContain(`STRIPE_KEY: ${KEY}9`);
  // the files that hold it are the ones the project's .gitignore keeps out of git
  const root = (zip.file(/(^|\/)compose\.yaml$/)[0]?.name ?? '').slice(0, -'compose.yaml'.length);
  const holding: string[] = [];
  for (const file of zip.file(/.*/))
    if ((await file.async('string')).includes(KEY)) holding.push(file.name.slice(root.length));
  expect(holding.sort()).toEqual(['.env', 'helm/values.secret.yaml', 'k8s/secrets/payments-credentials.env']);
  expect((await text('.gitignore')).split('\n')).toEqual(
    expect.arrayContaining(['.env', 'k8s/secrets/*', '!k8s/secrets/*.env.example', 'helm/values.secret.yaml']),
  );
  // no ConfigMap anywhere in the manifests holds it
  for (const file of zip.file(/^(.*\/)?k8s\/.*\.yaml$/)) {
    for (const d of parseAllDocuments(await file.async('string'))) {
      const o = d.toJS() as { kind?: string } | null;
      if (o?.kind === 'ConfigMap') expect(JSON.stringify(o), file.name).not.toContain(KEY);
    }
  }

  // The design the project carries (to be committed with it) keeps the mark, not the value…
  for (const path of ['polyglot.design.json', '.polyglot/base.design.json']) {
    const carried = await text(path);
    expect(carried, path).toContain('"STRIPE_KEY"');
    expect(carried, path).not.toContain(KEY);
  }
  // …and opening the zip takes the value back from its .env: the same design as before the export.
  await ed.fileAction('New');
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(ed.node('payments')).toHaveCount(0);
  await ed.chooseFile('Open…', { name: fileName, mimeType: 'application/zip', buffer: bytes });
  await expect(ed.node('payments')).toBeVisible();
  expect(await ed.getDesign()).toEqual(designed);
  await expect(page.getByText(/opened with repairs|without some of its values/)).toHaveCount(0);

  // The same zip without the files .gitignore keeps out (as a fresh clone would be): opened, the
  // value named as missing.
  for (const name of Object.keys(zip.files))
    if (/(^|\/)(\.env|k8s\/secrets\/[^/]+\.env|helm\/values\.secret\.yaml)$/.test(name)) zip.remove(name);
  const withoutEnv = await zip.generateAsync({ type: 'nodebuffer' });
  await ed.chooseFile('Open…', { name: 'no-env.zip', mimeType: 'application/zip', buffer: withoutEnv });
  await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
  const notice = page.getByText(/no-env\.zip .* was opened without some of its values/);
  await expect(notice).toBeVisible();
  await expect(page.getByText(/STRIPE_KEY of payments \(PAYMENTS__STRIPE_KEY\) stays empty/)).toBeVisible();
  const opened = await ed.getDesign();
  const emptied = opened.nodes.find((n) => n.name === 'payments')?.env.find((e) => e.key === 'STRIPE_KEY');
  expect(emptied).toEqual({ key: 'STRIPE_KEY', value: '', secret: true });
});

/** The serious and critical axe violations in the inspector, as "rule: target" lines. */
async function inspectorViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const)
  test(`a masked and a shown secret value pass axe in the inspector (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Import compose or Kubernetes…', {
      name: 'payments.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(MANIFEST),
    });
    await ed.node('payments').click();
    const show = ed.inspector.getByRole('button', { name: 'Show value of STRIPE_KEY' });
    await expect(show).toBeVisible();
    expect(await inspectorViolations(page), 'masked').toEqual([]);
    await show.click();
    await expect(ed.field('Value of STRIPE_KEY')).toHaveValue(KEY);
    expect(await inspectorViolations(page), 'shown').toEqual([]);
  });
