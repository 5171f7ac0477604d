import JSZip from 'jszip';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

const PROTO = join(import.meta.dirname, '..', 'test', 'fixtures', 'proto');
const CONTRACTS = join(import.meta.dirname, '..', 'test', 'contracts');

test.describe('contract import', () => {
  test('Import… a .proto with two services: cards and types appear, a field edited in Types reaches the exported .proto', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Import…', join(PROTO, 'bookstore.proto'));

    const banner = page.getByRole('status').filter({ hasText: 'Imported bookstore.proto' });
    await expect(banner).toContainText('2 nodes, 2 gRPC services, 9 types added');
    // what the design cannot hold is named with its place, not dropped silently
    await expect(banner.getByRole('listitem')).toHaveText([
      /^bookstore\.proto:21:10: option deprecated = true of message bookstore\.v1\.Author is not imported/,
    ]);
    for (const name of ['catalog-service', 'orders-service']) await expect(ed.node(name)).toBeInViewport();
    await expect(page.getByLabel('Project name')).toHaveValue('bookstore');

    // the import is one step: Undo takes it all back, Redo brings it again
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('catalog-service')).toHaveCount(0);
    await page.keyboard.press(`${ed.mod}+Shift+z`);
    await expect(ed.node('catalog-service')).toBeVisible();
    await banner.getByRole('button', { name: 'Dismiss' }).click();

    // a service card's inspector lists its RPCs
    await ed.node('catalog-service').click();
    await expect(ed.inspector.getByRole('textbox', { name: 'Name of RPC 1' })).toHaveValue('GetBook');

    // the Types view, reached with the keyboard
    const tabs = ed.inspector.getByRole('tablist', { name: 'Inspector views' });
    await tabs.getByRole('tab', { name: 'Selection' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: 'Types (9)' })).toHaveAttribute('aria-selected', 'true');
    const messages = ed.inspector.getByRole('region', { name: 'Messages' });
    await expect(messages.getByRole('button')).toHaveText([
      'Money',
      'Author',
      'Book',
      'GetBookRequest',
      'ListBooksRequest',
      'ListBooksResponse',
      'PlaceOrderRequest',
      'Order',
    ]);
    await expect(ed.inspector.getByRole('region', { name: 'Enums' }).getByRole('button')).toHaveText(['Genre']);

    // a shared message cannot be deleted while used; the refusal says where
    await messages.getByRole('button', { name: 'Money', exact: true }).click();
    const money = ed.inspector.getByRole('region', { name: 'message Money' });
    await expect(money.getByRole('region', { name: 'Used by' }).getByRole('listitem')).toHaveText([
      'the field price of Book',
      'the field total of Order',
    ]);
    await money.getByRole('button', { name: 'Delete message Money' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Money not deleted' })).toContainText(
      'Money is still used: by the field price of Book and the field total of Order.',
    );

    // Book.authors: a string becomes a list of Author, through the type picker
    await messages.getByRole('button', { name: 'Book', exact: true }).click();
    const book = ed.inspector.getByRole('region', { name: 'message Book' });
    const authors = book.getByRole('group', { name: 'Field authors' });
    await expect(authors.getByRole('textbox', { name: 'Fields: number of field 5' })).toHaveValue('5');
    const picker = authors.getByRole('combobox', { name: 'Fields: type of field 5' });
    for (const group of ['Scalars', 'Messages', 'Enums', 'Well-known'])
      await expect(picker.locator(`optgroup[label="${group}"]`)).toHaveCount(1);
    await picker.selectOption({ label: 'Author' });
    await authors.getByRole('combobox', { name: 'Fields: how many in field 5' }).selectOption('list');
    // and a new field: a map of string to Money, numbered after the others
    await book.getByRole('button', { name: '+ Add field' }).click();
    const added = book.getByRole('group', { name: 'Field field_6' });
    await added.getByRole('textbox', { name: 'Fields: name of field 6' }).fill('prices');
    const prices = book.getByRole('group', { name: 'Field prices' });
    await prices.getByRole('combobox', { name: 'Fields: how many in field 6' }).selectOption('map');
    await prices.getByRole('combobox', { name: 'Fields: type of field 6' }).selectOption({ label: 'Money' });
    await expect(prices.getByRole('combobox', { name: 'Fields: map key of field 6' })).toHaveValue('string');

    const zip = await JSZip.loadAsync((await ed.exportProject()).bytes);
    const protos = Object.keys(zip.files).filter((p) => p.endsWith('.proto'));
    const texts = await Promise.all(protos.map((p) => zip.file(p)!.async('string')));
    const bookFile = texts.find((t) => /^message Book \{/m.test(t));
    expect(bookFile, `a .proto with message Book among ${protos.join(', ')}`).toBeDefined();
    const bookMessage = /^message Book \{[^}]*\}/m.exec(bookFile!)?.[0] ?? '';
    expect(bookMessage).toContain('repeated Author authors = 5;');
    expect(bookMessage).toContain('map<string, Money> prices = 6;');
    expect(bookMessage).toContain('Money price = 3;');
    expect(bookFile).toContain('package bookstore.v1;');
    expect(bookFile).toMatch(/service CatalogService \{/);
  });

  test('a broken .proto names its file, line and column, and the design stays as it was', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
    await expect(ed.node('go-service')).toBeVisible();
    const before = await ed.getDesign();

    await ed.chooseFile('Import…', join(PROTO, 'broken.proto'));
    const alert = page.getByRole('alert').filter({ hasText: 'Could not import broken.proto' });
    await expect(alert).toContainText('Nothing was imported; your current design was not changed.');
    await expect(alert.getByRole('listitem')).toHaveText(["broken.proto:8:3: illegal token 'int32', ';' expected"]);
    expect(await ed.getDesign()).toEqual(before);
    await expect(ed.node('go-service')).toBeVisible();

    // dropping the good file on the canvas adds its services to this design, beside go-service
    const { readFile } = await import('node:fs/promises');
    await ed.dropFile('bookstore.proto', await readFile(join(PROTO, 'bookstore.proto'), 'utf8'));
    await expect(page.getByRole('status').filter({ hasText: 'Imported bookstore.proto' })).toBeVisible();
    for (const name of ['go-service', 'catalog-service', 'orders-service']) await expect(ed.node(name)).toBeVisible();
    await expect(page.getByLabel('Project name')).toHaveValue(before.name);
  });

  test("a service's inspector imports a .proto onto that service, with no new cards", async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
    await ed.node('go-service').click();
    const choosing = page.waitForEvent('filechooser');
    await ed.inspector.getByRole('button', { name: 'Import contracts into go-service…' }).click();
    await (await choosing).setFiles(join(PROTO, 'bookstore.proto'));
    await expect(page.getByRole('status').filter({ hasText: 'Imported bookstore.proto' })).toContainText(
      '2 gRPC services, 9 types added',
    );
    await expect(ed.node('catalog-service')).toHaveCount(0);
    await ed.node('go-service').click();
    const rpcs = ed.inspector.getByRole('region', { name: 'RPC methods' });
    for (const [i, name] of ['GetBook', 'ListBooks', 'PlaceOrder'].entries())
      await expect(rpcs.getByRole('textbox', { name: `Name of RPC ${i + 1}`, exact: true })).toHaveValue(name);
    expect((await ed.getDesign()).nodes).toHaveLength(1);
  });

  test('Import… an OpenAPI document with its sibling schemas, then an AsyncAPI one, in the browser', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    const openapi = join(CONTRACTS, 'openapi');
    await ed.chooseFile('Import…', [join(openapi, 'shop-api.yaml'), join(openapi, 'schemas', 'common.yaml')]);
    const rest = page.getByRole('status').filter({ hasText: 'Imported 2 files' });
    await expect(rest).toContainText(/\d+ endpoints?/);
    const first = await ed.getDesign();
    expect(first.nodes).toHaveLength(1);
    expect(first.nodes[0]?.api?.rest.map((e) => `${e.method} ${e.path}`)).toContain('POST /carts/{cartId}/addToCart');
    await rest.getByRole('button', { name: 'Dismiss' }).click();

    const asyncapi = join(CONTRACTS, 'asyncapi');
    await ed.chooseFile('Import…', [join(asyncapi, 'shipping-3.0.yaml'), join(asyncapi, 'schemas', 'events.yaml')]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 2 files' })).toContainText(/channels?/);
    const second = await ed.getDesign();
    expect(second.nodes.length).toBeGreaterThan(first.nodes.length);
    expect(second.nodes.some((n) => (n.channels ?? []).length > 0)).toBe(true);
    for (const n of second.nodes) await expect(ed.node(n.name)).toBeVisible();
  });
});
