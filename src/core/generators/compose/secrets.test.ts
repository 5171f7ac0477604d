import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importCompose } from '../../importers/compose';
import type { Design } from '../../model/types';
import { generateProject } from '../project';
import type { ComposeDoc } from './composeCheck';
import { dotenvValue, readDotenv, readDotenvValue } from './dotenv';
import { DesignBuilder } from './testDesigns';

/** A service with a secret API key (spaces, a dollar and a quote in it), a plain variable and a database. */
function design(): Design {
  const b = new DesignBuilder('shop');
  const orders = b.node('python-fastapi', 'orders');
  const db = b.node('postgres', 'orders db');
  b.link(orders, db);
  b.patch(orders, {
    env: [
      { key: 'STRIPE_KEY', value: "sk test$1'x", secret: true },
      { key: 'LOG_LEVEL', value: 'debug' },
    ],
  });
  return b.design;
}

const files = (d: Design) => new Map(generateProject(d).map((f) => [f.path, f.content]));

describe('compose: secret environment values', () => {
  it('refers to the value in compose.yaml and keeps it in .env', () => {
    const f = files(design());
    const compose = f.get('compose.yaml') ?? '';
    const doc = parse(compose) as ComposeDoc;
    expect(doc.services?.orders?.environment).toMatchObject({
      STRIPE_KEY: '${ORDERS__STRIPE_KEY}',
      LOG_LEVEL: 'debug',
    });
    expect(compose).not.toContain('sk test');
    const dotenv = f.get('.env') ?? '';
    expect(dotenv).toMatch(/^# STRIPE_KEY of orders\nORDERS__STRIPE_KEY="sk test\\\$1'x"$/m);
    expect(dotenv).toMatch(/^# Credentials of the infrastructure and secret values of the services/);
    expect(f.get('.env.example')).toMatch(/^ORDERS__STRIPE_KEY=$/m);
    // nor in the service's README, which lists the environment
    expect(f.get('services/orders/README.md')).toContain('`${ORDERS__STRIPE_KEY}`');
    // the value is only in the files the project's .gitignore keeps out of git, where
    // deployments read it (.env, the chart's secret values, kustomize's env file)
    const holders = ['.env', 'helm/values.secret.yaml', 'k8s/secrets/orders-credentials.env'];
    for (const [path, content] of f) if (!holders.includes(path)) expect(content, path).not.toContain('sk test');
  });

  it('quotes a .env value only when compose would read it otherwise', () => {
    expect(dotenvValue('sk_live-1.2~x')).toBe('sk_live-1.2~x');
    expect(dotenvValue('')).toBe('');
    expect(dotenvValue('a b#c $HOME "q"')).toBe(`'a b#c $HOME "q"'`);
    expect(dotenvValue("it's\nnext $x \\ `y`!")).toBe('"it\'s\\nnext \\$x \\\\ `y`!"');
  });

  it('reads back every value it writes, as docker compose does', () => {
    // the same values read back unchanged by compose-go v2.16.2's .env reader
    const values = ['plain-1.2~x', '', 'a b#c $HOME "q"', "it's\nnext $x \\ `y`!", ' lead', 'tab\there', 'back\\slash'];
    for (const v of [...values, '$${X}', 'a=b', "only'quote", 'ü€', 'x\r\ny', '"dq"', "q'\\$"])
      expect(readDotenvValue(dotenvValue(v)), JSON.stringify(v)).toBe(v);
  });

  it('marks the value secret again on import of the exported compose.yaml, and says it was left empty', () => {
    const r = importCompose(files(design()).get('compose.yaml') ?? '');
    expect(r.ok).toBe(true);
    const orders = r.ok ? r.design.nodes.find((n) => n.name === 'orders') : undefined;
    expect(orders?.env).toContainEqual({ key: 'STRIPE_KEY', value: '', secret: true });
    expect(orders?.env).toContainEqual({ key: 'LOG_LEVEL', value: 'debug' });
    expect(r.warnings.join('\n')).toMatch(/left empty in the design: .*ORDERS__STRIPE_KEY/);
  });

  it("leaves the variables of a user's own compose file as they are", () => {
    const r = importCompose(
      'services:\n  api:\n    image: ghcr.io/x/api:1\n    environment:\n      API_KEY: ${API_KEY}\n',
    );
    const api = r.ok ? r.design.nodes[0] : undefined;
    expect(api?.env).toEqual([{ key: 'API_KEY', value: '' }]);
  });

  it('reads .env lines as docker compose does', () => {
    expect(readDotenv('# c\n\nA=1\nexport B = two\nC=\'a b # c\'\nD="x\\"y\\n"\nnot a line\n E=e')).toEqual(
      new Map([
        ['A', '1'],
        ['B', 'two'],
        ['C', 'a b # c'],
        ['D', 'x"y\n'],
        ['E', 'e'],
      ]),
    );
  });
});
