/**
 * Every YAML file of an export, read by every reader that meets it: Go's yaml.v3 and yaml.v2
 * (docker compose, kubectl), PyYAML and the `yaml` package in YAML 1.1 and 1.2 must all read the
 * same data, and hostile environment values must arrive exactly as written, in compose and in
 * Kubernetes, whatever the variable is called (`__proto__` included).
 */
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAsyncApi } from '../src/core/generators/asyncapi';
import { generateCompose } from '../src/core/generators/compose';
import { composeLiteral } from '../src/core/generators/compose/infra';
import { generateKubernetes } from '../src/core/generators/kubernetes';
import { generateOpenApi } from '../src/core/generators/openapi';
import { yamlTextProblems } from '../src/core/generators/yaml';
import { namespacePlan, nodeNamespace } from '../src/core/model/namespaces';
import { dnsLabel } from '../src/core/model/naming';
import { restore } from '../src/core/model/restore';
import type { Design } from '../src/core/model/types';
import { hostileString, wellFormedOnly } from './yamlcheck/hostile';
import { goChecker, readEverywhere, readerDisagreements, type YamlFile } from './yamlcheck/readers';

const text = hostileString.map(wellFormedOnly);
const nonBlank = text.map((s) => (s.trim() === '' ? `${s}x` : s));
const ENV_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'FILE_MODE', 'B', 'C'];
const env = fc.uniqueArray(fc.record({ key: fc.constantFrom(...ENV_KEYS), value: text }), {
  selector: (e) => e.key,
  maxLength: 4,
});
const KINDS = ['python-fastapi', 'go-nethttp', 'container', 'kafka', 'postgres'] as const;

/** A small design of services and infrastructure with hostile names, texts and environments. */
const designArb: fc.Arbitrary<Design> = fc
  .record({
    name: nonBlank,
    nodes: fc.array(fc.record({ name: nonBlank, description: text, env, kind: fc.constantFrom(...KINDS) }), {
      minLength: 2,
      maxLength: 3,
    }),
    topic: nonBlank,
    path: nonBlank,
    field: nonBlank,
    boundary: nonBlank,
  })
  .map(({ name, nodes, topic, path, field, boundary }) => {
    const doc = {
      format: 'polyglot-canvas/design',
      version: 2,
      name,
      viewport: { x: 0, y: 0, zoom: 1 },
      nodes: [
        { id: 'broker', kind: 'kafka', name: 'events', port: 9092 },
        { id: 'api', kind: 'python-fastapi', name: 'api', port: 8000 },
        ...nodes.map((n, i) => ({ id: `n${i}`, ...n, name: `${n.name}`, port: 20000 + i })),
      ].map((n) => ({ position: { x: 0, y: 0 }, grpcPort: 50051, replicas: 1, env: [], description: '', ...n })),
      links: [
        {
          id: 'pub',
          kind: 'queue',
          source: 'api',
          target: 'broker',
          topic,
          message: [{ name: field, type: 'string' }],
        },
        {
          id: 'rest',
          kind: 'rest',
          source: 'n0',
          target: 'api',
          endpoints: [{ method: 'POST', path, request: [{ name: field, type: 'int' }], response: [] }],
        },
      ].map((l) => ({ endpoints: [], rpcs: [], topic: '', message: [], ...l })),
      // a namespace boundary with a hostile name around the broker and the first node
      boundaries: [
        {
          id: 'ns',
          name: boundary,
          kind: 'namespace',
          color: '#6366f1',
          position: { x: 0, y: 0 },
          width: 600,
          height: 260,
          members: ['broker', 'n0'],
        },
      ],
    };
    const r = restore(doc);
    if (!r.ok) throw new Error(r.error);
    return r.design;
  });

function yamlFiles(design: Design, i: number): YamlFile[] {
  return [
    ...generateCompose(design),
    ...generateKubernetes(design),
    ...generateOpenApi(design),
    ...generateAsyncApi(design),
  ]
    .filter((f) => f.path.endsWith('.yaml'))
    .map((f) => ({ name: `${i}:${f.path}`, text: f.content }));
}

const js12 = (t: string) => {
  const docs = parseAllDocuments(t);
  return (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown);
};

/* eslint-disable @typescript-eslint/no-explicit-any -- walking parsed YAML */
describe('generated YAML in every reader', () => {
  beforeAll(() => void goChecker(), 300_000);

  it('property: compose, Kubernetes, OpenAPI and AsyncAPI files read the same in Go, Python and JS, hostile env values exactly', () => {
    const designs = fc.sample(designArb, { seed: 2028, numRuns: 30 });
    const files = designs.flatMap(yamlFiles);
    const byName = new Map(files.map((f) => [f.name, f.text]));
    const readings = readEverywhere(files);
    expect(readerDisagreements(readings, (name) => js12(byName.get(name)!)).slice(0, 10)).toEqual([]);
    expect(files.flatMap((f) => yamlTextProblems(f.text).map((p) => `${f.name}: ${p}`)).slice(0, 10)).toEqual([]);

    // what Go's yaml.v3 (docker compose's reader) gives each container: the values as written
    const go = new Map(readings.filter((r) => r.reader === 'yaml.v3').map((r) => [r.name, r.docs ?? []]));
    let checked = 0;
    designs.forEach((design, i) => {
      const compose = go.get(`${i}:compose.yaml`)![0] as any;
      for (const node of design.nodes) {
        if (node.kind === 'kafka' || node.kind === 'postgres') continue;
        const service = compose.services[dnsLabel(node.name)];
        const k8s = go.get(`${i}:k8s/${dnsLabel(node.name)}.yaml`) as any[] | undefined;
        // every object of a node is in its namespace, as Go reads it
        for (const d of k8s ?? []) expect(d.metadata.namespace).toBe(nodeNamespace(design, node));
        for (const { key, value } of node.env) {
          expect(Object.hasOwn(service.environment, key), `${node.name} ${key} in compose`).toBe(true);
          expect(service.environment[key]).toBe(composeLiteral(value));
          const config = k8s?.find((d) => d.kind === 'ConfigMap');
          const container = k8s?.find((d) => d.kind === 'Deployment')?.spec.template.spec.containers[0];
          // a service reads its environment from its ConfigMap, a container from env[] (where
          // Kubernetes expands $(VAR) and $$, so every $ is doubled)
          if (node.kind === 'container') {
            const entry = container.env.find((e: any) => e.name === key);
            expect(entry?.value).toBe(value.replaceAll('$', () => '$$'));
          } else {
            expect(Object.hasOwn(config.data, key), `${node.name} ${key} in the ConfigMap`).toBe(true);
            expect(config.data[key]).toBe(value);
          }
          checked++;
        }
      }
    });
    expect(checked).toBeGreaterThan(50);
    // the boundaries' namespaces, hostile names and all, read back as DNS labels in Go
    const spread = designs.filter((d, i) => (go.get(`${i}:k8s/namespace.yaml`) ?? []).length > 1);
    expect(spread.length).toBeGreaterThan(20);
    designs.forEach((design, i) => {
      const names = (go.get(`${i}:k8s/namespace.yaml`) ?? []).map((d: any) => d.metadata.name);
      expect(names).toEqual(namespacePlan(design).used);
      for (const n of names) expect(n).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
    });
    // four external readers over 30 exports: past a minute on a busy two-core machine
  }, 180_000);
});
