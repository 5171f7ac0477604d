import type { ContractField } from '../../../model/contracts';
import { camelCase, pascalCase } from '../../../model/naming';
import { sampleValue } from '../../../model/contracts';
import type { FieldType } from '../../../catalog/catalog';
import type { GrpcTarget, RestTarget, StubPlan } from '../python/plan';

/** TypeScript names of the clients of one service: `inventoryRest`, `InventoryRestClient`, … */
export interface TsClientNames {
  rest: Map<RestTarget, { instance: string; className: string; prefix: string }>;
  grpc: Map<GrpcTarget, { instance: string; className: string; prefix: string }>;
}

/** camelCase instances and PascalCase classes for the REST and gRPC clients, unique in the service. */
export function clientNames(p: StubPlan): TsClientNames {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let n = base;
    for (let i = 2; used.has(n); i++) n = `${base}${i}`;
    used.add(n);
    return n;
  };
  const rest = new Map(
    p.rest.map((r) => {
      const inst = unique(`${camelCase(r.call.target.name, 'svc')}Rest`);
      const pascal = inst.charAt(0).toUpperCase() + inst.slice(1);
      return [r, { instance: inst, className: `${pascal}Client`, prefix: pascal }] as const;
    }),
  );
  const grpc = new Map(
    p.grpc.map((g) => {
      const inst = unique(`${camelCase(g.call.target.name, 'svc')}Grpc`);
      const pascal = inst.charAt(0).toUpperCase() + inst.slice(1);
      return [g, { instance: inst, className: `${pascal}Client`, prefix: pascal }] as const;
    }),
  );
  return { rest, grpc };
}

const TS_TYPES: Record<FieldType, string> = { string: 'string', int: 'number', float: 'number', bool: 'boolean' };

/** An interface declaration of contract fields (snake_case keys, as on the wire). */
export function tsInterface(name: string, fields: readonly ContractField[], doc: string): string {
  const body = fields.map((f) => `  ${f.name}: ${TS_TYPES[f.type]};`).join('\n');
  return `/** ${doc} */\nexport interface ${name} {\n${body}${body ? '\n' : ''}}`;
}

/** An object literal of sample values, one key per field. */
export function tsSample(fields: readonly ContractField[], indent = ''): string {
  if (fields.length === 0) return '{}';
  const lines = fields.map((f) => {
    const v = sampleValue(f.type, f.name);
    const lit = typeof v === 'string' ? JSON.stringify(v) : f.type === 'float' ? (v as number).toFixed(1) : String(v);
    return `${indent}  ${f.name}: ${lit},`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The zero value of a field type, for optional request fields. */
export function tsZero(t: FieldType): string {
  return t === 'string' ? "''" : t === 'bool' ? 'false' : '0';
}

/** PascalCase of a name (re-exported for the emitters). */
export { pascalCase };
