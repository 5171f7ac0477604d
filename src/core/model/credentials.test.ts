import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../generators/compose/testDesigns';
import { composeCredential } from '../generators/compose/infra';
import { envSecrets, infraCredentials, nodeCredentials, ownEnvValue, withoutSecretValues } from './credentials';
import type { DesignNode } from './types';

function nodes(): { orders: DesignNode; db: DesignNode; box: DesignNode; cache: DesignNode } {
  const b = new DesignBuilder('shop');
  const orders = b.node('python-fastapi', 'orders');
  const db = b.node('postgres', 'orders db');
  const box = b.node('container', 'legacy box');
  const cache = b.node('redis', 'cache');
  b.patch(orders, {
    env: [
      { key: 'LOG_LEVEL', value: 'debug' },
      { key: 'stripe_key', value: 'sk_live_1', secret: true },
      { key: 'STRIPE_KEY', value: 'sk_live_2', secret: true },
    ],
  });
  b.patch(box, { env: [{ key: 'TOKEN', value: 't0k', secret: true }] });
  b.patch(cache, { env: [{ key: 'REDIS_PASSWORD', value: 'x', secret: true }] });
  const byId = (id: string) => b.design.nodes.find((n) => n.id === id) as DesignNode;
  return { orders: byId(orders), db: byId(db), box: byId(box), cache: byId(cache) };
}

describe('secret environment values as credentials', () => {
  it("names each secret variable of a service after the node's prefix, once per variable", () => {
    const { orders } = nodes();
    expect(envSecrets(orders)).toEqual([
      { variable: 'ORDERS__STRIPE_KEY', key: 'stripe_key', value: 'sk_live_1' },
      // upper-cased the same as the first: a second variable, not the first one's value
      { variable: 'ORDERS__STRIPE_KEY_2', key: 'STRIPE_KEY', value: 'sk_live_2' },
    ]);
  });

  it('gives plain containers theirs, and none to infrastructure that runs on its own settings', () => {
    const { box, cache, db } = nodes();
    expect(envSecrets(box)).toEqual([{ variable: 'LEGACY_BOX__TOKEN', key: 'TOKEN', value: 't0k' }]);
    expect(envSecrets(cache)).toEqual([]);
    expect(envSecrets(db)).toEqual([]);
    expect(nodeCredentials(db).map((c) => c.key)).toEqual(['username', 'password']);
    expect(nodeCredentials(box)).toEqual(envSecrets(box));
  });

  it('writes a secret value through the reference, an ordinary one as it is', () => {
    const { orders } = nodes();
    const [log, secret] = orders.env;
    expect(ownEnvValue(orders, secret!, composeCredential)).toBe('${ORDERS__STRIPE_KEY}');
    expect(ownEnvValue(orders, log!, composeCredential)).toBe('debug');
  });

  it('shows where a secret comes from in documents, never its value', () => {
    const { orders } = nodes();
    expect(
      withoutSecretValues(orders, [
        ['LOG_LEVEL', 'debug'],
        ['stripe_key', 'sk_live_1'],
        ['STRIPE_KEY', 'sk_live_2'],
      ]),
    ).toEqual([
      ['LOG_LEVEL', 'debug'],
      ['stripe_key', '${ORDERS__STRIPE_KEY}'],
      ['STRIPE_KEY', '${ORDERS__STRIPE_KEY_2}'],
    ]);
  });

  it("never takes another node's variable: a service's DB_PASSWORD is not the database's password", () => {
    const b = new DesignBuilder('shop');
    const orders = b.node('go-nethttp', 'orders');
    const db = b.node('postgres', 'orders db');
    const api = b.node('go-nethttp', 'orders api');
    b.patch(orders, {
      env: [
        { key: 'DB_PASSWORD', value: 'mine', secret: true },
        { key: 'API_TOKEN', value: 'a', secret: true },
      ],
    });
    b.patch(api, { env: [{ key: 'TOKEN', value: 'b', secret: true }] });
    const node = (id: string) => b.design.nodes.find((n) => n.id === id) as DesignNode;
    const all = [...nodeCredentials(node(orders)), ...infraCredentials(node(db)), ...nodeCredentials(node(api))];
    expect(all.map((c) => c.variable)).toEqual([
      'ORDERS__DB_PASSWORD',
      'ORDERS__API_TOKEN',
      'ORDERS_DB_USER',
      'ORDERS_DB_PASSWORD',
      'ORDERS_API__TOKEN',
    ]);
    expect(new Set(all.map((c) => c.variable)).size).toBe(all.length);
  });
});
