import { expect, test } from '@playwright/test';
import type { MessageType } from '../src/core';
import { benchDesign } from '../bench/designs';
import { typeOptions } from '../src/ui/inspector/typeOptions';
import { EditorPage } from './pages/EditorPage';

// A type select lists every type of the design. Above 200 options the inspector opens with only the
// chosen one in the list (thousands of options made the press on a card at 2,000 services a long
// task) and makes the rest when the focus or the pointer reaches the select.
test('a type select of a design with hundreds of types gets all its options from the keyboard and the pointer', async ({
  page,
}) => {
  const design = benchDesign(200);
  expect(design.types.length).toBeGreaterThan(200);
  const svc = design.nodes.find((n) => n.name === 'svc-1')!;
  const rpc = svc.api!.grpc[0]!.rpcs[0]!;
  const fieldType = async (typeId: string) =>
    ((await new EditorPage(page).getDesign()).types.find((t) => t.id === typeId) as MessageType).fields[0]!.type;
  const request = design.types.find((t) => t.id === rpc.request) as MessageType;
  const before = request.fields[0]!.type;
  const all = typeOptions(design.types, before).length;
  expect(all).toBeGreaterThan(200);

  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(design);
  await ed.node('svc-1').click();
  await expect(ed.inspector.getByRole('heading', { name: 'svc-1' })).toBeVisible();

  // The keyboard: the select shows the field's type; focused, it holds every option, and an arrow
  // key moves to the next one, as in any select.
  const req = ed.field('Request fields: type of field 1');
  await expect(req).toHaveValue(before);
  await expect(req.locator('option')).toHaveCount(1);
  await req.focus();
  await expect(req.locator('option')).toHaveCount(all);
  await expect(req).toHaveValue(before);
  const next = await req.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex + 1]?.value ?? '');
  expect(next).not.toBe('');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => fieldType(rpc.request)).toBe(next);

  // The pointer: over the select, the list is whole, and a message of another service can be chosen.
  const res = ed.field('Response fields: type of field 1');
  await expect(res.locator('option')).toHaveCount(1);
  await res.hover();
  const response = design.types.find((t) => t.id === rpc.response) as MessageType;
  const far = design.types.at(-1)!;
  await expect(res.locator('option')).toHaveCount(typeOptions(design.types, response.fields[0]!.type).length);
  await res.selectOption({ value: far.id });
  await expect.poll(() => fieldType(rpc.response)).toBe(far.id);
});
