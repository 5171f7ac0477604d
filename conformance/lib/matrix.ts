import type { RuntimeId } from '../../src/core/catalog/catalog';
import { BROKER_KINDS, type CheckResult, type Column } from './checks';

/** The columns of the matrix, in print order, with their short headings. */
export const COLUMNS: readonly [Column, string][] = [
  ['build', 'build'],
  ['start', 'start'],
  ['ready', 'ready'],
  ['ping', 'ping'],
  ['rest-client', 'REST>'],
  ['rest-server', '>REST'],
  ['grpc-client', 'gRPC>'],
  ['grpc-server', '>gRPC'],
  ['grpc-health', 'health'],
  ['methods', 'methods'],
  ['reject', 'reject'],
  ['native', 'native'],
  ...BROKER_KINDS.map((b): [Column, string] => [`pub-${b}`, `${short(b)}>`]),
  ...BROKER_KINDS.map((b): [Column, string] => [`sub-${b}`, `>${short(b)}`]),
  ['db-postgres', 'pg'],
  ['db-redis', 'rd-db'],
  ['db-mongodb', 'mongo'],
];

function short(b: string): string {
  return ({ kafka: 'kafka', rabbitmq: 'rabbit', redis: 'redis', nats: 'nats' } as Record<string, string>)[b] ?? b;
}

export type Cell = 'PASS' | 'FAIL' | 'SKIP' | '—';

/**
 * One cell per runtime and column: FAIL if any check of it failed, else SKIP if one was skipped
 * (not exercised is not a pass), PASS if some passed, — if no check used it.
 */
export function aggregate(results: readonly CheckResult[]): Map<RuntimeId, Map<Column, Cell>> {
  const m = new Map<RuntimeId, Map<Column, Cell>>();
  for (const r of results) {
    for (const [rt, col] of r.cells) {
      const row = m.get(rt) ?? new Map<Column, Cell>();
      m.set(rt, row);
      const prev = row.get(col) ?? '—';
      if (r.status === 'fail') row.set(col, 'FAIL');
      else if (r.status === 'skip' && prev !== 'FAIL') row.set(col, 'SKIP');
      else if (r.status === 'pass' && prev === '—') row.set(col, 'PASS');
      else row.set(col, prev);
    }
  }
  return m;
}

/** Counts of exercised cells. */
export function tally(m: Map<RuntimeId, Map<Column, Cell>>): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const row of m.values())
    for (const c of row.values()) {
      if (c === 'PASS') passed++;
      else if (c === 'FAIL') failed++;
    }
  return { passed, failed };
}

/** The matrix as text: a row per runtime, a column per capability, only columns something used. */
export function renderMatrix(m: Map<RuntimeId, Map<Column, Cell>>, order: readonly RuntimeId[]): string {
  const cols = COLUMNS.filter(([c]) => [...m.values()].some((row) => (row.get(c) ?? '—') !== '—'));
  const rows = order.filter((r) => m.has(r));
  const w0 = Math.max(7, ...rows.map((r) => r.length));
  const widths = cols.map(([, h]) => Math.max(4, h.length));
  const line = (first: string, cells: string[]) =>
    [first.padEnd(w0), ...cells.map((c, i) => c.padEnd(widths[i] ?? 4))].join('  ').trimEnd();
  const out = [
    line(
      'runtime',
      cols.map(([, h]) => h),
    ),
  ];
  out.push(
    line(
      '-'.repeat(w0),
      widths.map((w) => '-'.repeat(w)),
    ),
  );
  for (const rt of rows)
    out.push(
      line(
        rt,
        cols.map(([c]) => m.get(rt)?.get(c) ?? '—'),
      ),
    );
  out.push('');
  out.push(
    'REST> / gRPC>: client; >REST / >gRPC: server; methods: every method of a link called with the typed sample, both ends checking it; X>: publishes to X; >X: consumes from X; pg, rd-db, mongo: database use',
  );
  return out.join('\n');
}
