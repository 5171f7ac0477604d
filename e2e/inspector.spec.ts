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

  test('edits links: REST endpoints and fields, queue topic; kinds limited to what makes sense', async ({ page }) => {
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
    await ed.field('Method of endpoint 1').selectOption('POST');
    await ed.field('Path of endpoint 1').fill('/orders');
    await ed.inspector
      .getByRole('group', { name: 'Request fields' })
      .getByRole('button', { name: '+ Add field' })
      .click();
    await ed.field('Request fields: name of field 1').fill('amount');
    await ed.field('Request fields: type of field 1').selectOption('float');
    let link = (await ed.getDesign()).links[0]!;
    expect(link.endpoints[0]).toMatchObject({
      method: 'POST',
      path: '/orders',
      request: [{ name: 'amount', type: 'float' }],
    });

    await ed.inspector.getByRole('button', { name: '+ Add endpoint' }).click();
    await expect(ed.edgeLabel('REST · 2 endpoints')).toBeVisible();

    await kind.selectOption('gRPC');
    await expect(ed.edgeLabel('gRPC')).toBeVisible();
    await expect(ed.field('Name of RPC 1')).toHaveValue('GetItem');
    await ed.field('Name of RPC 1').fill('');
    await expect(ed.inspector.getByRole('alert')).toHaveText('An RPC needs a name.');
    await ed.field('Name of RPC 1').fill('PlaceOrder');
    link = (await ed.getDesign()).links[0]!;
    expect(link).toMatchObject({ kind: 'grpc', rpcs: [{ name: 'PlaceOrder' }] });
    expect(link.endpoints).toHaveLength(2);

    await ed.clickEdge('publish typescript-events');
    await expect(ed.inspector.getByRole('heading', { name: 'Queue link' })).toBeVisible();
    await expect(ed.field('Kind')).toBeDisabled();
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
