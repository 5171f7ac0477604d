import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test.describe('the inspector', () => {
  test('edits a service: port, runtime, variables, description; typing is one undo step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await expect(ed.inspector).toContainText('Select a node or a link to edit it here.');
    await ed.dragFromPalette('Python · FastAPI', { x: 300, y: 250 });
    await ed.node('python-service').click();
    await expect(ed.inspector.getByRole('heading', { name: 'python-service' })).toBeVisible();

    await ed.field('Port').fill('80x');
    await expect(ed.inspector.getByRole('alert')).toHaveText('Enter a whole number.');
    await ed.field('Port').fill('70000');
    await expect(ed.inspector.getByRole('alert')).toHaveText('Enter a number from 1 to 65535.');
    expect((await ed.getDesign()).nodes[0]!.port).toBe(8000);
    await ed.field('Port').fill('9000');
    await expect(ed.node('python-service')).toContainText(':9000');
    await expect(ed.field('gRPC port')).toHaveValue('50051');
    await ed.field('Replicas').fill('3');

    await ed.field('Runtime').selectOption({ label: 'Rust · axum' });
    await expect(ed.node('python-service')).toContainText('Rust · axum');

    await ed.inspector.getByRole('button', { name: '+ Add variable' }).click();
    await ed.field('Name of variable 1').fill('1BAD');
    await expect(ed.inspector.getByRole('alert')).toContainText('not starting with a digit');
    await ed.field('Name of variable 1').fill('LOG_LEVEL');
    await ed.field('Value of LOG_LEVEL').fill('debug');

    const description = ed.field('Description');
    await description.click();
    await description.pressSequentially('Takes orders', { delay: 20 });
    let d = await ed.getDesign();
    expect(d.nodes[0]).toMatchObject({
      kind: 'rust-axum',
      port: 9000,
      replicas: 3,
      env: [{ key: 'LOG_LEVEL', value: 'debug' }],
      description: 'Takes orders',
    });
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(description).toHaveValue('');
    d = await ed.getDesign();
    expect(d.nodes[0]!.env).toEqual([{ key: 'LOG_LEVEL', value: 'debug' }]);
  });

  test('infrastructure keeps its kind', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.paletteItem('RabbitMQ').click();
    await ed.node('rabbitmq').click();
    await expect(ed.inspector.getByText('Kind', { exact: true })).toBeVisible();
    await expect(ed.field('Runtime')).toHaveCount(0);
    await expect(ed.field('gRPC port')).toHaveCount(0);
    await expect(ed.inspector).toContainText('RABBITMQ_URL');
  });

  test('edits links: what they use, the queue topic; kinds limited to what makes sense', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Node.js · TypeScript (Express)', { x: 200, y: 200 });
    await ed.dragFromPalette('Java · Spring Boot', { x: 600, y: 120 });
    await ed.dragFromPalette('RabbitMQ', { x: 600, y: 380 });
    await ed.connect('typescript-service', 'java-service');
    await page.keyboard.press('Escape');
    await ed.connect('typescript-service', 'rabbitmq');
    await ed.connect('rabbitmq', 'java-service');
    await expect(ed.edgeLabel('subscribe typescript-events')).toBeVisible();

    await ed.clickEdge('REST');
    await expect(ed.inspector.getByRole('heading', { name: 'REST link' })).toBeVisible();
    await expect(ed.inspector).toContainText('typescript-service calls java-service');
    const kind = ed.field('Kind');
    await expect(kind.locator('option')).toHaveText(['REST', 'gRPC']);
    // the link declares no endpoint of its own: it uses the target's, all of them by default
    const all = ed.inspector.getByLabel("All of java-service's endpoints");
    await expect(all).toBeChecked();
    await expect(ed.inspector.getByLabel('GET /java/{id}')).toBeDisabled();
    await all.uncheck();
    await ed.inspector.getByLabel('GET /java/{id}').uncheck();
    let d = await ed.getDesign();
    expect(d.links[0]!.uses).toEqual([]);
    await expect(ed.edgeLabel('REST · 0 endpoints')).toBeVisible();
    await all.check();
    d = await ed.getDesign();
    expect('uses' in d.links[0]!).toBe(false);

    await kind.selectOption('gRPC');
    await expect(ed.edgeLabel('gRPC')).toBeVisible();
    await expect(ed.inspector.getByLabel("All of java-service's RPC methods")).toBeChecked();
    await expect(ed.inspector.getByLabel('GetItem')).toBeVisible();

    await ed.clickEdge('publish typescript-events');
    await expect(ed.inspector.getByRole('heading', { name: 'Queue link' })).toBeVisible();
    await expect(ed.field('Kind')).toBeDisabled();
    await expect(ed.inspector).toContainText('It carries TypescriptEventsMessage; edit its fields on rabbitmq.');
    // The subscriber follows the publisher's rename, so the two keep meeting on one queue.
    await expect(ed.inspector.getByLabel(/Keep the other link on this queue in step/)).toBeChecked();
    await ed.field('Queue').fill('orders.created');
    await expect(ed.edgeLabel('publish orders.created')).toBeVisible();
    await expect(ed.edgeLabel('subscribe orders.created')).toBeVisible();
    // …unless told otherwise.
    await ed.inspector.getByLabel(/Keep the other link on this queue in step/).uncheck();
    await ed.field('Queue').fill('audit');
    await expect(ed.edgeLabel('publish audit')).toBeVisible();
    await expect(ed.edgeLabel('subscribe orders.created')).toBeVisible();
    d = await ed.getDesign();
    const rabbit = d.nodes.find((n) => n.name === 'rabbitmq');
    expect(rabbit?.channels?.map((c) => c.topic)).toEqual(['orders.created', 'audit']);
  });

  test("edits a service's API: an RPC, a camel-case path, field types; the export has them", async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 400, y: 220 });
    await ed.node('go-service').click();
    await ed.inspector.getByRole('button', { name: '+ Add RPC method' }).click();
    await ed.field('Name of RPC 1').fill('place order');
    await expect(ed.inspector.getByRole('alert')).toContainText('PascalCase');
    await ed.field('Name of RPC 1').fill('PlaceOrder');
    // the RPC's own messages follow its name
    await expect(ed.inspector.getByRole('group', { name: /Request fields PlaceOrderRequest/ })).toBeVisible();
    const request = ed.inspector.getByRole('group', { name: /Request fields/ });
    await request.getByRole('button', { name: '+ Add field' }).click();
    await ed.field('Request fields: name of field 2').fill('quantity');
    await ed.field('Request fields: type of field 2').selectOption('int32');
    await ed.field('Request fields: how many in field 2').selectOption('list');
    await ed.field('Streaming of RPC PlaceOrder').selectOption('server streams');

    await ed.inspector.getByRole('button', { name: '+ Add endpoint' }).click();
    await ed.field('Method of endpoint 1').selectOption('POST');
    await ed.field('Path of endpoint 1').fill('/cart/addToCart');
    await ed.inspector.getByRole('button', { name: '+ Add a request body' }).click();
    await expect(ed.inspector.getByRole('group', { name: /Request body PostCartAddToCartRequest/ })).toBeVisible();

    const d = await ed.getDesign();
    const go = d.nodes[0]!;
    const rpc = go.api?.grpc[0]?.rpcs[0];
    expect(rpc).toMatchObject({ name: 'PlaceOrder', serverStreaming: true });
    const req = d.types.find((t) => t.id === rpc?.request);
    expect(req?.kind === 'message' && req.fields).toEqual([
      { number: 1, name: 'id', type: 'string' },
      { number: 2, name: 'quantity', type: 'int32', label: 'repeated' },
    ]);
    expect(go.api?.rest[0]).toMatchObject({ method: 'POST', path: '/cart/addToCart' });

    const { bytes } = await ed.exportProject();
    const zip = await JSZip.loadAsync(bytes);
    const text = await zip.file('proto/mysystem/goservice/v1/goservice.proto')?.async('string');
    expect(text).toContain('rpc PlaceOrder(PlaceOrderRequest) returns (stream PlaceOrderResponse);');
    expect(text).toContain('  repeated int32 quantity = 2;');
    const openapi = await zip.file('openapi/go-service.yaml')?.async('string');
    expect(openapi).toContain('/cart/addToCart:');
    expect(openapi).toContain('application/problem+json');
  });

  test('the project name is validated in the top bar', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    const project = page.getByLabel('Project name');
    await project.fill('');
    await expect(page.getByRole('alert')).toHaveText('The project needs a name.');
    expect((await ed.getDesign()).name).toBe('my-system');
    await project.fill('Payments');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect((await ed.getDesign()).name).toBe('Payments');
  });

  test('a file that needed repairs opens with a dismissible list of them', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    const file = {
      format: 'polyglot-canvas/design',
      version: 1,
      name: 'legacy',
      nodes: [
        { id: 'a', kind: 'go-nethttp', name: 'api', position: { x: 100, y: 100 }, port: 8080 },
        { id: 'b', kind: 'cobol-mainframe', name: 'ledger', position: { x: 400, y: 100 } },
      ],
      links: [],
      viewport: { x: 0, y: 0, zoom: 1 },
    };
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'legacy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const notice = page.getByRole('status').filter({ hasText: 'legacy.json was opened with repairs' });
    await expect(notice).toContainText('Node 2 has an unknown kind "cobol-mainframe" and was dropped.');
    await expect(ed.node('api')).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
});
