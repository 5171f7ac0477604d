import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design, type EnumType, type MessageType } from '../model/types';
import { setEnumValueNumber, setFieldNumber } from './apiNumbers';
import type { OpResult } from './ids';

const reason = (r: OpResult) => (r.ok ? '(accepted)' : r.reason);

function design(): Design {
  const money: MessageType = {
    id: 'money',
    kind: 'message',
    name: 'Money',
    fields: [
      { number: 1, name: 'currency_code', type: 'string' },
      { number: 2, name: 'units', type: 'int64' },
    ],
    reserved: { ranges: [[5, 7]], names: [] },
  };
  const status: EnumType = {
    id: 'status',
    kind: 'enum',
    name: 'Status',
    values: [
      { name: 'STATUS_UNSPECIFIED', number: 0 },
      { name: 'STATUS_OPEN', number: 1 },
      { name: 'STATUS_DONE', number: 2 },
    ],
  };
  return { ...emptyDesign('shop'), types: [money, status] };
}

describe('setFieldNumber', () => {
  it('gives a field the number the user chose, leaving the others as they were', () => {
    const r = setFieldNumber(design(), 'money', 2, 12);
    if (!r.ok) throw new Error(r.reason);
    expect((r.design.types[0] as MessageType).fields.map((f) => [f.name, f.number])).toEqual([
      ['currency_code', 1],
      ['units', 12],
    ]);
  });

  it('refuses numbers protobuf or the message keep out of use, saying which', () => {
    expect(reason(setFieldNumber(design(), 'money', 2, 1))).toBe('1 is the number of currency_code already.');
    expect(reason(setFieldNumber(design(), 'money', 2, 6))).toBe('6 is reserved in Money.');
    expect(reason(setFieldNumber(design(), 'money', 2, 19_500))).toMatch(/outside 19,000–19,999/);
    expect(reason(setFieldNumber(design(), 'money', 2, 0))).toMatch(/from 1 to 536,870,911/);
    expect(reason(setFieldNumber(design(), 'money', 9, 3))).toBe('That field no longer exists.');
  });
});

describe('setEnumValueNumber', () => {
  it('renumbers a value; the zero value and numbers in use stay as they are', () => {
    const r = setEnumValueNumber(design(), 'status', 2, 10);
    if (!r.ok) throw new Error(r.reason);
    expect((r.design.types[1] as EnumType).values.map((v) => v.number)).toEqual([0, 1, 10]);
    expect(reason(setEnumValueNumber(design(), 'status', 0, 3))).toMatch(/keeps number 0/);
    expect(reason(setEnumValueNumber(design(), 'status', 2, 1))).toBe('1 is the number of STATUS_OPEN already.');
    expect(reason(setEnumValueNumber(design(), 'status', 2, 2 ** 31))).toBe('An enum number is a 32-bit integer.');
  });
});
