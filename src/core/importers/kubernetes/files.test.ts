import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/types';
import { importKubernetesFiles, type SourceFile } from './index';

const FIXTURE = '../../../../test/fixtures/kubernetes/kustomize/';
const ALL = import.meta.glob<string>('../../../../test/fixtures/kubernetes/kustomize/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The files under a folder of the fixture, named relative to `base` as a browser's folder pick names them. */
function folder(sub: string, base = sub): SourceFile[] {
  const from = base ? `${FIXTURE}${base}/` : FIXTURE;
  return Object.entries(ALL)
    .filter(([path]) => path.startsWith(sub ? `${FIXTURE}${sub}/` : FIXTURE))
    .map(([path, text]) => ({ name: path.slice(from.length), text }));
}

/** The fixture's own folder, for names relative to it. */
const ROOT = '';

const node = (d: Design, name: string) => d.nodes.find((n) => n.name === name);
const envOf = (d: Design, name: string) => Object.fromEntries((node(d, name)?.env ?? []).map((e) => [e.key, e.value]));
const linksOf = (d: Design) =>
  d.links.map((l) => `${d.nodes.find((n) => n.id === l.source)?.name}>${d.nodes.find((n) => n.id === l.target)?.name}`);

describe('a folder with a kustomization', () => {
  it('imports the resources it lists, with generated ConfigMaps and Secrets resolved', () => {
    const r = importKubernetesFiles(folder('base'), 'base');
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes.map((n) => n.name).sort()).toEqual(['api', 'orders-db', 'worker']);
    // configMapGenerator: a literal and an env file, comments skipped
    expect(envOf(r.design, 'api')).toEqual({
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://orders:orders-pw@orders-db:5432/orders',
      WORKER_URL: 'http://worker:9000',
    });
    // secretGenerator: the database keeps its credentials
    expect(node(r.design, 'orders-db')?.kind).toBe('postgres');
    expect(envOf(r.design, 'orders-db')).toMatchObject({ POSTGRES_USER: 'orders', POSTGRES_PASSWORD: 'orders-pw' });
    expect(linksOf(r.design)).toEqual(expect.arrayContaining(['api>orders-db', 'api>worker', 'worker>orders-db']));
    // commonLabels change nothing a design holds: no warning about them
    expect(r.warnings.join('\n')).not.toMatch(/commonLabels/);
  });

  it('a generated key named like a prototype property is a key like any other', () => {
    const files = folder('base').map((f) =>
      f.name === 'kustomization.yaml' ? { ...f, text: f.text.replace('- LOG_LEVEL=info', '- __proto__=polluted') } : f,
    );
    const r = importKubernetesFiles(files, 'base');
    if (!r.ok) throw new Error(r.error);
    expect(envOf(r.design, 'api')).toMatchObject({ ['__proto__']: 'polluted' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('an overlay over its base: images and replicas applied, the rest named with the command that applies it', () => {
    // as the command line reads an overlay: its folder and the base it includes, from their common folder
    const files = [...folder('overlays', ROOT), ...folder('base', ROOT)];
    const r = importKubernetesFiles(files, 'prod', undefined, 'overlays/prod/kustomization.yaml');
    if (!r.ok) throw new Error(r.error);
    expect(node(r.design, 'api')?.image).toBe('ghcr.io/acme/orders-api:2.0.0');
    // the replicas reach the import (a container of an image runs one, and the notice says so)
    expect(r.warnings).toContain('api: 3 replicas of Container are not modelled; it runs one.');
    // the base's other images are untouched
    expect(node(r.design, 'worker')?.image).toBe('acme/orders-worker:1.0.0');
    // the replicas reach the import (a container of an image runs one, and the notice says so)
    expect(r.warnings).toContain('api: 3 replicas of Container are not modelled; it runs one.');
    expect(r.warnings).toContain(
      'Parts of the kustomization were not applied: namespace (overlays/prod/kustomization.yaml), patches (overlays/prod/kustomization.yaml). For the exact manifests, run `kubectl kustomize overlays/prod > manifests.yaml` and import that file.',
    );
    expect(r.warnings.join('\n')).not.toMatch(/api-resources\.yaml/);
  });

  it('in a folder holding a base and one overlay, the overlay is the one imported', () => {
    const files = [...folder('base', ROOT), ...folder('overlays/prod', ROOT)];
    const r = importKubernetesFiles(files, 'kustomize');
    if (!r.ok) throw new Error(r.error);
    expect(node(r.design, 'api')?.image).toBe('ghcr.io/acme/orders-api:2.0.0');
  });

  it('with two overlays and no kustomization at the top, it asks which one', () => {
    const r = importKubernetesFiles(folder(''), 'kustomize');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(
      /several kustomizations that none other includes \(overlays\/dev, overlays\/prod\)/,
    );
  });

  it('a resource missing from the folder, a loop and a broken file are named', () => {
    const k = (resources: string[]) => `resources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;
    const missing = importKubernetesFiles(
      [
        { name: 'kustomization.yaml', text: k(['api.yaml', 'gone.yaml', 'https://github.com/acme/x//deploy']) },
        ...folder('base').filter((f) => f.name === 'api.yaml'),
      ],
      'k',
    );
    if (!missing.ok) throw new Error(missing.error);
    expect(missing.warnings).toContain(
      'kustomization.yaml: the resource gone.yaml is not in the folder; it was left out.',
    );
    expect(missing.warnings.join('\n')).toMatch(
      /remote resource https:\/\/github\.com\/acme\/x\/\/deploy was not fetched/,
    );

    const loop = importKubernetesFiles(
      [
        { name: 'kustomization.yaml', text: k(['a']) },
        { name: 'a/kustomization.yaml', text: k(['../b']) },
        { name: 'b/kustomization.yaml', text: k(['../a']) },
      ],
      'k',
    );
    expect(loop.ok ? '' : loop.error).toMatch(/includes itself through its resources \(a loop\)/);

    const broken = importKubernetesFiles(
      [
        { name: 'kustomization.yaml', text: k(['api.yaml']) },
        { name: 'api.yaml', text: 'apiVersion: v1\nkind: [Pod\n' },
      ],
      'k',
    );
    expect(broken.ok ? '' : broken.error).toMatch(/^api\.yaml: The file is not valid YAML: .*\(line \d+\)/);
  });
});

describe('a folder of manifests without a kustomization', () => {
  it('imports every manifest file and names the files that hold none', () => {
    const files = folder('base').filter((f) => f.name !== 'kustomization.yaml');
    files.push({ name: 'notes/README.yaml', text: 'title: not a manifest\n' });
    const r = importKubernetesFiles(files, 'base');
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes.map((n) => n.name).sort()).toEqual(['api', 'orders-db', 'worker']);
    expect(r.warnings).toContain(
      'Files that hold no Kubernetes object (no apiVersion and kind) were left out: notes/README.yaml.',
    );
    // without the kustomization its generated ConfigMap is missing, and that is said
    expect(r.warnings.join('\n')).toMatch(/api-config, which is not in this file/);
  });

  it('a Helm chart is refused with the command that renders it', () => {
    const r = importKubernetesFiles(
      [
        { name: 'Chart.yaml', text: 'apiVersion: v2\nname: shop\nversion: 0.1.0\n' },
        { name: 'templates/d.yaml', text: 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' },
      ],
      'chart',
    );
    expect(r.ok ? '' : r.error).toMatch(/Helm chart, which is out of scope: render it first with `helm template/);
  });
});
