import { sampleValue, type ContractField } from '../../../model/contracts';
import type { FieldType } from '../../../catalog/catalog';
import { lit } from './plan';

/** The Python literal of a field's sample value. */
export function pySample(f: ContractField): string {
  const v = sampleValue(f.type, f.name);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return f.type === 'float' ? v.toFixed(1) : String(v);
  return lit(v);
}

/** A dict literal of sample values, one key per field. */
export function pySampleDict(fields: readonly ContractField[], indent = ''): string {
  if (fields.length === 0) return '{}';
  const lines = fields.map((f) => `${indent}    ${lit(f.name)}: ${pySample(f)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

const PY_TYPES: Record<FieldType, string> = { string: 'str', int: 'int', float: 'float', bool: 'bool' };

/** The Python type of a contract field. */
export function pyType(t: FieldType): string {
  return PY_TYPES[t];
}

/** A Python identifier that is none of `taken` (a trailing `_` added until it is free). */
export function freeName(name: string, taken: readonly string[]): string {
  let n = name;
  while (taken.includes(n)) n = `${n}_`;
  return n;
}
