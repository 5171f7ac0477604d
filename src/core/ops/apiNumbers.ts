import { ENUM_MAX, ENUM_MIN, MAX_FIELD_NUMBER, inReserved, validFieldNumber } from '../model/fieldNumbers';
import type { Design } from '../model/types';
import { fail, withType } from './apiShared';
import type { OpResult } from './ids';

/**
 * The wire numbers of fields and enum values, as a person sets them. The app never renumbers on
 * its own; these edits are the user's choice, checked against protobuf's rules, the reserved
 * ranges and the numbers already in use.
 */

/** Gives a field another number (the field is found by its current number). */
export function setFieldNumber(design: Design, typeId: string, number: number, next: number): OpResult {
  const t = design.types.find((x) => x.id === typeId);
  if (t?.kind !== 'message') return fail('That message no longer exists.');
  const f = t.fields.find((x) => x.number === number);
  if (!f) return fail('That field no longer exists.');
  if (next === number) return { ok: true, design };
  if (!validFieldNumber(next))
    return fail(`A field number is from 1 to ${MAX_FIELD_NUMBER.toLocaleString('en-US')}, outside 19,000–19,999.`);
  if (inReserved(next, t.reserved)) return fail(`${next} is reserved in ${t.name}.`);
  const other = t.fields.find((x) => x.number === next);
  if (other) return fail(`${next} is the number of ${other.name} already.`);
  const fields = t.fields.map((x) => (x.number === number ? { ...x, number: next } : x));
  return { ok: true, design: withType(design, { ...t, fields }) };
}

/** Gives an enum value another number; the first value stays 0, as proto3 needs. */
export function setEnumValueNumber(design: Design, typeId: string, index: number, next: number): OpResult {
  const t = design.types.find((x) => x.id === typeId);
  if (t?.kind !== 'enum') return fail('That enum no longer exists.');
  const v = t.values[index];
  if (!v) return fail('That value no longer exists.');
  if (v.number === next) return { ok: true, design };
  if (index === 0) return fail('The first value is the default and keeps number 0, as proto3 needs.');
  if (!Number.isInteger(next) || next < ENUM_MIN || next > ENUM_MAX) return fail('An enum number is a 32-bit integer.');
  if (inReserved(next, t.reserved)) return fail(`${next} is reserved in ${t.name}.`);
  const other = t.values.find((x, i) => i !== index && x.number === next);
  if (other && !t.allowAlias) return fail(`${next} is the number of ${other.name} already.`);
  const values = t.values.map((x, i) => (i === index ? { ...x, number: next } : x));
  return { ok: true, design: withType(design, { ...t, values }) };
}
