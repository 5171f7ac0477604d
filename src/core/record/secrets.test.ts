import { describe, expect, it } from 'vitest';
import { readDotenv } from '../generators/compose/dotenv';
import { DesignBuilder } from '../generators/compose/testDesigns';
import { restoreText } from '../model/restore';
import type { Design } from '../model/types';
import { exportFiles } from './exportFiles';
import { BASE_DESIGN_PATH, DESIGN_PATH } from './manifest';
import type { DiskFile } from './plan';
import { projectDesign, withProjectSecrets } from './secrets';
import { planProjectUpdate } from './update';

/** A service with two secret values (one needing quotes in .env), a database whose password is marked secret, a cache with a secret `.env` does not hold. */
function design(): Design {
  const b = new DesignBuilder('shop');
  const orders = b.node('python-fastapi', 'orders');
  const db = b.node('postgres', 'orders db');
  const cache = b.node('redis', 'cache');
  b.patch(orders, {
    env: [
      { key: 'LOG_LEVEL', value: 'debug' },
      { key: 'STRIPE_KEY', value: 'sk_live_51H', secret: true },
      { key: 'GREETING', value: 'it\'s a "secret" $HOME', secret: true },
    ],
  });
  b.patch(db, {
    env: [
      { key: 'POSTGRES_USER', value: 'postgres' },
      { key: 'POSTGRES_PASSWORD', value: 'hunter2', secret: true },
    ],
  });
  b.patch(cache, { env: [{ key: 'REDIS_ARGS', value: '--requirepass x', secret: true }] });
  return b.design;
}

const envOf = (d: Design, name: string) => d.nodes.find((n) => n.name === name)?.env;

function exported(d: Design): Map<string, string> {
  return new Map(exportFiles(d).map((f) => [f.path, f.content]));
}

describe('secret values in an exported project', () => {
  it('leaves every secret value that .env holds out of the design the project carries', () => {
    const d = design();
    const files = exported(d);
    for (const path of [DESIGN_PATH, BASE_DESIGN_PATH]) {
      const text = files.get(path) ?? '';
      expect(text).not.toContain('sk_live_51H');
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('secret\\"');
    }
    const carried = projectDesign(d);
    expect(envOf(carried, 'orders')).toEqual([
      { key: 'LOG_LEVEL', value: 'debug' },
      { key: 'STRIPE_KEY', value: '', secret: true },
      { key: 'GREETING', value: '', secret: true },
    ]);
    expect(envOf(carried, 'orders db')).toEqual([
      { key: 'POSTGRES_USER', value: 'postgres' },
      { key: 'POSTGRES_PASSWORD', value: '', secret: true },
    ]);
    // no .env variable holds it, so the design keeps it (the README says so)
    expect(envOf(carried, 'cache')).toEqual([{ key: 'REDIS_ARGS', value: '--requirepass x', secret: true }]);
    // .env has the values, as docker compose reads them
    const dotenv = readDotenv(files.get('.env') ?? '');
    expect(dotenv.get('ORDERS__STRIPE_KEY')).toBe('sk_live_51H');
    expect(dotenv.get('ORDERS__GREETING')).toBe('it\'s a "secret" $HOME');
    expect(dotenv.get('ORDERS_DB_PASSWORD')).toBe('hunter2');
  });

  it('gets the design back whole from the project: its design file and its .env', () => {
    const d = design();
    const files = exported(d);
    const r = restoreText(files.get(DESIGN_PATH) ?? '');
    if (!r.ok) throw new Error(r.error);
    const back = withProjectSecrets(r.design, files.get('.env') ?? null);
    expect(back.warnings).toEqual([]);
    expect(back.design.nodes).toEqual(d.nodes);
  });

  it('names each secret value it could not find, and leaves it empty', () => {
    const carried = projectDesign(design());
    const none = withProjectSecrets(carried, null);
    expect(none.warnings).toHaveLength(1);
    expect(none.warnings[0]).toContain('The project has no .env');
    for (const part of [
      'STRIPE_KEY of orders (ORDERS__STRIPE_KEY)',
      'GREETING of orders (ORDERS__GREETING)',
      'POSTGRES_PASSWORD of orders db (ORDERS_DB_PASSWORD)',
    ])
      expect(none.warnings[0]).toContain(part);
    expect(none.design).toBe(carried);
    const some = withProjectSecrets(carried, '# only one\nORDERS__STRIPE_KEY=sk_test\n');
    expect(envOf(some.design, 'orders')?.find((e) => e.key === 'STRIPE_KEY')?.value).toBe('sk_test');
    expect(some.warnings[0]).toContain('does not set every secret value');
    expect(some.warnings[0]).not.toContain('STRIPE_KEY of orders');
  });

  it('an update of the project reads the values from its .env: nothing changes, nothing is noted', async () => {
    const d = design();
    const files = exported(d);
    const folder = { read: async (path: string): Promise<DiskFile> => files.get(path) ?? null };
    const r = await planProjectUpdate(folder, d);
    if (!r.ok) throw new Error(r.error);
    expect(r.notes).toEqual([]);
    expect(r.baseDesign.nodes).toEqual(d.nodes);
    expect(r.plan.counts.unchanged).toBe(r.plan.files.length);
    for (const w of r.plan.writes) expect(w.content).not.toContain('hunter2');
  });
});
