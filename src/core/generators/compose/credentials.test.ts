import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { roleOf } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { generateCompose } from './index';
import { composeProblems, type ComposeDoc } from './composeCheck';
import { dotenvOf, interpolate } from './testDotenv';
import { shopDesign } from './testDesigns';

const files = (d: Design) => new Map(generateCompose(d).map((f) => [f.path, f.content]));
const doc = (d: Design) => parse(files(d).get('compose.yaml') ?? '') as ComposeDoc;

describe('compose: credentials, published ports and limits', () => {
  it('keeps every credential in .env, out of git, and refers to it from compose.yaml', () => {
    const f = files(shopDesign());
    const text = f.get('compose.yaml') ?? '';
    expect(text).not.toMatch(/app:app@|guest:guest@|PASSWORD: app|_PASS: guest|_USER: (app|guest)$/m);
    expect(f.get('.gitignore')).toMatch(/^\.env$/m);
    const dotenv = dotenvOf(shopDesign());
    expect([...dotenv.keys()]).toEqual(['RABBITMQ_USER', 'RABBITMQ_PASSWORD', 'POSTGRES_USER', 'POSTGRES_PASSWORD']);
    expect(dotenv.get('POSTGRES_PASSWORD')).toBe('app');
    // the example names the same variables, with nothing filled in
    const example = f.get('.env.example') ?? '';
    expect([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]])).toEqual(
      [...dotenv.keys()].map((k) => [k, '']),
    );
    const d = doc(shopDesign());
    const orders = d.services?.orders?.environment ?? {};
    expect(orders.POSTGRES_URL).toBe('postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/app');
    expect(interpolate(String(orders.RABBITMQ_URL), dotenv)).toBe('amqp://guest:guest@rabbitmq:5672/');
    const rabbit = d.services?.rabbitmq?.environment ?? {};
    expect(interpolate(String(rabbit.RABBITMQ_DEFAULT_PASS), dotenv)).toBe('guest');
    expect(composeProblems(f.get('compose.yaml') ?? '').problems).toEqual([]);
  });

  it('a design without credentials gets only the .gitignore', () => {
    const d = shopDesign();
    const bare = { ...d, nodes: d.nodes.filter((n) => n.kind !== 'postgres' && n.kind !== 'rabbitmq') };
    bare.links = bare.links.filter(
      (l) => bare.nodes.some((n) => n.id === l.source) && bare.nodes.some((n) => n.id === l.target),
    );
    const f = files(bare);
    expect(f.has('.gitignore')).toBe(true);
    expect(f.has('.env')).toBe(false);
    expect(f.get('compose.yaml')).not.toContain('${');
  });

  it('publishes brokers and databases on 127.0.0.1 only, services and edges on every interface', () => {
    const d = shopDesign();
    const services = doc(d).services ?? {};
    let local = 0;
    for (const n of d.nodes) {
      const ports = (services[dnsLabel(n.name)]?.ports ?? []) as string[];
      const role = roleOf(n.kind);
      for (const p of ports) {
        if (role === 'broker' || role === 'database') {
          expect(p, n.name).toMatch(/^127\.0\.0\.1:\d*:\d+$/);
          local++;
        } else expect(p, n.name).not.toContain('127.0.0.1');
      }
    }
    expect(local).toBe(6);
  });

  it('caps CPU and memory where the design sets limits', () => {
    const d = shopDesign();
    const capped: Design = {
      ...d,
      nodes: d.nodes.map((n) =>
        n.name === 'orders'
          ? { ...n, limits: { cpu: 0.5, memoryMiB: 256 } }
          : n.kind === 'postgres'
            ? { ...n, limits: { memoryMiB: 1024 } }
            : n,
      ),
    };
    const services = doc(capped).services ?? {};
    expect(services.orders?.deploy).toEqual({ resources: { limits: { cpus: '0.5', memory: '256M' } } });
    expect(services.postgres?.deploy).toEqual({ resources: { limits: { memory: '1024M' } } });
    expect(services.inventory?.deploy).toBeUndefined();
    expect(composeProblems(files(capped).get('compose.yaml') ?? '').problems).toEqual([]);
  });
});
