import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  camelCase,
  derivedNames,
  dnsLabel,
  envPrefix,
  fieldName,
  httpPath,
  isReservedWord,
  nameProblem,
  packageSegment,
  pascalCase,
  protoPackage,
  protoServiceName,
  rpcName,
  snakeCase,
  topicName,
  words,
} from './naming';

const HOSTILE = [
  '',
  '   ',
  '\t\n',
  'x'.repeat(200),
  'ab '.repeat(70),
  '名前',
  'サービス-orders',
  'Café Crème',
  'Ærøskøbing ñandú',
  '../x',
  '../../etc/passwd',
  '"; rm -rf /',
  "'; DROP TABLE users; --",
  'a"b\'c`d',
  'line\nbreak',
  '$(reboot)',
  '-leading-dash',
  '__dunder__',
  '123',
  '9lives',
  'OrdersAPI',
  'HTTPServer',
  '🚀 rocket',
  '\u0000nul',
  'a\u202Eb',
];

const RESERVED = [
  'class',
  'def',
  'func',
  'package',
  'fn',
  'message',
  'syntax',
  'import',
  'type',
  'self',
  'Self',
  'None',
  'true',
  'null',
  'interface',
  'service',
  'rpc',
  'string',
  'main',
  'crate',
  'async',
  'yield',
  'enum',
  'match',
  'default',
  'struct',
];

const ALL = [...HOSTILE, ...RESERVED];

/** RFC 1123 label, and our own stricter start-with-a-letter rule. */
const DNS = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const SNAKE = /^[a-z][a-z0-9_]*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const ENV = /^[A-Z][A-Z0-9_]*$/;
const PKG = /^[a-z][a-z0-9]*$/;
const PROTO_PKG = /^[a-z][a-z0-9]*\.[a-z][a-z0-9]*\.v1$/;
const TOPIC = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
// the case of a path is kept: it is part of the route on the wire
const PATH = /^\/$|^(\/([A-Za-z0-9_-]+|\{[A-Za-z_][A-Za-z0-9_]*\}))+$/;

describe('naming: every function gives a valid identifier for its target', () => {
  it.each(ALL.map((n) => [JSON.stringify(n), n]))('%s', (_label, name) => {
    const dns = dnsLabel(name);
    expect(dns).toMatch(DNS);
    expect(dns.length).toBeLessThanOrEqual(63);
    // suffixed names (`-grpc`, `-config`) stay a valid label too
    expect(`${dns}-config`.length).toBeLessThanOrEqual(63);

    for (const id of [snakeCase(name), fieldName(name)]) {
      expect(id).toMatch(SNAKE);
      expect(isReservedWord(id)).toBe(false);
    }
    for (const id of [pascalCase(name), rpcName(name)]) {
      expect(id).toMatch(PASCAL);
      expect(isReservedWord(id)).toBe(false);
    }
    const camel = camelCase(name);
    expect(camel).toMatch(CAMEL);
    expect(isReservedWord(camel)).toBe(false);

    expect(envPrefix(name)).toMatch(ENV);
    const pkg = packageSegment(name);
    expect(pkg).toMatch(PKG);
    expect(isReservedWord(pkg)).toBe(false);
    expect(protoPackage(name, name)).toMatch(PROTO_PKG);
    expect(protoServiceName(name)).toMatch(/^[A-Z][A-Za-z0-9]*Service$/);
    expect(topicName(name)).toMatch(TOPIC);
    expect(httpPath(name)).toMatch(PATH);
  });

  it('keeps every identifier free of path, quote and shell characters (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 250 }), (name) => {
        expect(dnsLabel(name)).toMatch(DNS);
        expect(dnsLabel(name).length).toBeLessThanOrEqual(63);
        expect(snakeCase(name)).toMatch(SNAKE);
        expect(pascalCase(name)).toMatch(PASCAL);
        expect(camelCase(name)).toMatch(CAMEL);
        expect(envPrefix(name)).toMatch(ENV);
        expect(packageSegment(name)).toMatch(PKG);
        expect(topicName(name)).toMatch(TOPIC);
        expect(httpPath(name)).toMatch(PATH);
      }),
      { numRuns: 500 },
    );
  });
});

describe('naming: readable results for ordinary names', () => {
  it('splits words on case, separators and accents', () => {
    expect(words('OrdersAPI v2')).toEqual(['orders', 'api', 'v2']);
    expect(words('HTTPServer')).toEqual(['http', 'server']);
    expect(words('Café Crème')).toEqual(['cafe', 'creme']);
    expect(words('名前')).toEqual([]);
  });

  it('derives each form from the same words', () => {
    expect(dnsLabel('Order Service')).toBe('order-service');
    expect(snakeCase('Order Service')).toBe('order_service');
    expect(pascalCase('order-service')).toBe('OrderService');
    expect(camelCase('order-service')).toBe('orderService');
    expect(envPrefix('order-service')).toBe('ORDER_SERVICE');
    expect(packageSegment('order-service')).toBe('orderservice');
    expect(protoPackage('My Shop', 'orders')).toBe('myshop.orders.v1');
    expect(protoServiceName('orders')).toBe('OrdersService');
    expect(protoServiceName('order-service')).toBe('OrderService');
    expect(derivedNames('shop', 'Inventory')).toEqual({
      dns: 'inventory',
      env: 'INVENTORY',
      package: 'inventory',
      className: 'Inventory',
      protoPackage: 'shop.inventory.v1',
    });
  });

  it('falls back to a letter-led name when the name has none', () => {
    expect(dnsLabel('')).toBe('svc');
    expect(dnsLabel('名前')).toBe('svc');
    expect(dnsLabel('123')).toBe('svc-123');
    expect(envPrefix('9lives')).toBe('SVC_9LIVES');
    expect(snakeCase('')).toBe('value');
  });

  it('escapes reserved words in each language', () => {
    expect(snakeCase('class')).toBe('class_');
    expect(snakeCase('def')).toBe('def_');
    expect(packageSegment('package')).toBe('packagesvc');
    expect(packageSegment('func')).toBe('funcsvc');
    expect(packageSegment('syntax')).toBe('syntaxsvc');
    expect(pascalCase('message')).not.toBe('Message');
    expect(camelCase('fn')).not.toBe('fn');
  });

  it('never lets a path climb out of its root', () => {
    expect(httpPath('../../etc/passwd')).toBe('/etc/passwd');
    expect(httpPath('/orders/{Order Id}')).toBe('/orders/{order_id}');
    expect(httpPath('')).toBe('/');
    // a route's case is part of it: a camel-case path reaches its handler as written
    expect(httpPath('/cart/addToCart/{itemId}')).toBe('/cart/addToCart/{itemId}');
    expect(httpPath('/a b/<script>/..')).toBe('/a-b/script');
    expect(topicName('../x')).toBe('x');
    expect(topicName('Order Events')).toBe('order-events');
    expect(topicName('名前')).toBe('events');
  });
});

describe('nameProblem', () => {
  it('refuses empty, too long, control characters and names with no letter', () => {
    expect(nameProblem('', [])).toMatch(/required/);
    expect(nameProblem('   ', [])).toMatch(/required/);
    expect(nameProblem('x'.repeat(101), [])).toMatch(/100/);
    expect(nameProblem('line\nbreak', [])).toMatch(/control|line break/);
    expect(nameProblem('名前', [])).toMatch(/letter or digit/);
  });

  it('accepts odd but usable names', () => {
    for (const n of ['"; rm -rf /', '../x', 'Café', 'class', 'x'.repeat(100)]) expect(nameProblem(n, [])).toBeNull();
  });

  it('refuses a name that would share a host name with another node', () => {
    expect(nameProblem('Orders', ['orders'])).toMatch(/same host name \(orders\)/);
    expect(nameProblem('orders_api', ['orders-api'])).toMatch(/orders-api/);
    expect(nameProblem('Café', ['cafe'])).not.toBeNull();
    expect(nameProblem('orders', ['payments'])).toBeNull();
  });

  it('refuses a name that would share a package (proto, Go, Java) with another node', () => {
    // different host names, same package segment: both would write proto/<p>/abc/v1/abc.proto
    expect(dnsLabel('ab-c')).not.toBe(dnsLabel('a-bc'));
    expect(packageSegment('ab-c')).toBe(packageSegment('a-bc'));
    expect(nameProblem('ab-c', ['a-bc'])).toMatch(/package/);
  });

  it('makes every accepted set of names unique in every derived form (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), (candidates) => {
        const accepted: string[] = [];
        for (const c of candidates) if (nameProblem(c, accepted) === null) accepted.push(c);
        for (const f of [dnsLabel, envPrefix, packageSegment]) {
          const forms = accepted.map((n) => f(n));
          expect(new Set(forms).size).toBe(forms.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('naming: remembered results', () => {
  it('gives each fallback its own answer for the same name, and the same answers after it forgets', () => {
    expect(dnsLabel('', 'one')).toBe('one');
    expect(dnsLabel('', 'two')).toBe('two');
    expect(dnsLabel('9 lives', 'cat')).toBe('cat-9-lives');
    expect(dnsLabel('9 lives')).toBe('svc-9-lives');
    expect(pascalCase('', 'Svc')).toBe('Svc');
    expect(pascalCase('')).toBe('Value');
    expect(camelCase('', 'call')).toBe('call');
    expect(snakeCase('', 'field')).toBe('field');
    expect(packageSegment('', 'project')).toBe('project');
    // more names than it keeps: it starts again, and answers the same
    const first = ['Orders API', 'class', 'naïve Ünïcode', '../etc'].map((n) => [
      dnsLabel(n),
      snakeCase(n),
      pascalCase(n),
      camelCase(n),
      packageSegment(n),
    ]);
    for (let i = 0; i < 25_000; i++) dnsLabel(`service ${i}`);
    expect(dnsLabel('service 24999')).toBe('service-24999');
    const again = ['Orders API', 'class', 'naïve Ünïcode', '../etc'].map((n) => [
      dnsLabel(n),
      snakeCase(n),
      pascalCase(n),
      camelCase(n),
      packageSegment(n),
    ]);
    expect(again).toEqual(first);
    expect(first[1]).toEqual(['class', 'class_', 'ClassValue', 'classValue', 'classsvc']);
  });
});
