import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../model/types';
import { addNode, connect } from '../ops/ops';
import type { NodeKind } from '../catalog/catalog';
import {
  ProjectPathError,
  assembleFiles,
  filesForNode,
  generateProject,
  pathProblem,
  projectFileName,
  stubContext,
} from './project';
import { wireServices } from '../model/wiring';

function design(
  nodes: [string, string, NodeKind][],
  links: [string, string, 'rest' | 'grpc' | 'queue'][] = [],
): Design {
  let d = emptyDesign('Shop');
  for (const [id, name, kind] of nodes) {
    const r = addNode(d, { id, kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error('add');
    d = r.design;
  }
  for (const [source, target, kind] of links) {
    const r = connect(d, { source, target, kind });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

const file = (path: string) => ({ path, content: '' });

describe('pathProblem', () => {
  it('accepts relative POSIX paths', () => {
    for (const p of ['README.md', 'services/orders/.dockerignore', 'k8s/orders-config.yaml', 'a/b.c/d'])
      expect(pathProblem(p), p).toBeNull();
  });

  it('refuses every way out of the project folder and every unportable path', () => {
    for (const p of [
      '',
      '/etc/passwd',
      'C:/x',
      '../x',
      'a/../../x',
      'a/./b',
      'a//b',
      'a/',
      'a\\b',
      'a\u0000b',
      'a\nb',
      'a:b',
      'what?',
    ])
      expect(pathProblem(p), JSON.stringify(p)).not.toBeNull();
  });
});

describe('assembleFiles', () => {
  it('sorts by path in code-unit order', () => {
    expect(assembleFiles([file('b'), file('README.md'), file('a/z'), file('Makefile')]).map((f) => f.path)).toEqual([
      'Makefile',
      'README.md',
      'a/z',
      'b',
    ]);
  });

  it('throws ProjectPathError for unsafe, repeated and case-colliding paths, naming them', () => {
    const attempt = (files: { path: string; content: string }[]) => {
      try {
        assembleFiles(files);
      } catch (e) {
        expect(e).toBeInstanceOf(ProjectPathError);
        return (e as ProjectPathError).problems.join('\n');
      }
      throw new Error('no error');
    };
    expect(attempt([file('services/../../etc/passwd')])).toContain('".." segment');
    expect(attempt([file('compose.yaml'), file('compose.yaml')])).toContain('"compose.yaml" is generated twice');
    expect(attempt([file('services/a/Main.java'), file('services/a/main.java')])).toContain('differ only in case');
  });
});

describe('projectFileName', () => {
  it('is the DNS label of the project name', () => {
    expect(projectFileName(emptyDesign('My Shop'))).toBe('my-shop.zip');
    expect(projectFileName(emptyDesign('../../"; rm'))).toBe('rm.zip');
    expect(projectFileName(emptyDesign('名前'))).toBe('project.zip');
  });
});

describe('stubContext', () => {
  it('gives a gRPC server its own proto and a caller its targets’ protos', () => {
    const d = design(
      [
        ['a', 'orders', 'python-fastapi'],
        ['b', 'inventory', 'go-nethttp'],
      ],
      [['a', 'b', 'grpc']],
    );
    const ws = wireServices(d);
    const [orders, inventory] = ws;
    if (!orders || !inventory) throw new Error('wiring');
    const caller = stubContext(d, orders, ws);
    expect(caller.ownProto).toBeNull();
    expect(caller.targetProtos.map((t) => [t.call.target.name, t.file.path])).toEqual([
      ['inventory', 'shop/inventory/v1/inventory.proto'],
    ]);
    const server = stubContext(d, inventory, ws);
    expect(server.ownProto?.path).toBe('shop/inventory/v1/inventory.proto');
    expect(server.ownProto?.content).toContain('service InventoryService');
    expect(server.targetProtos).toEqual([]);
  });
});

describe('generateProject', () => {
  it('assembles docs, deployment, contracts and one folder per service, sorted', () => {
    const d = design(
      [
        ['a', 'orders', 'python-fastapi'],
        ['b', 'inventory', 'go-nethttp'],
        ['c', 'legacy', 'ruby-rails'],
        ['k', 'kafka', 'kafka'],
      ],
      [
        ['a', 'b', 'grpc'],
        ['a', 'c', 'rest'],
        ['a', 'k', 'queue'],
      ],
    );
    const files = generateProject(d);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    for (const p of ['README.md', 'Makefile', 'compose.yaml', 'proto/shop/inventory/v1/inventory.proto'])
      expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('services/legacy/'))).toEqual(['services/legacy/README.md']);
    const legacy = files.find((f) => f.path === 'services/legacy/README.md')?.content ?? '';
    expect(legacy).toContain('There is no runnable stub for Ruby · Rails yet');
    expect(legacy).toContain('`todo` profile');
    expect(legacy).toContain('| `PORT` | `3000` |');
    expect(legacy).toContain('`GET /legacy/{id}`');
    // the README lists the contracts that really are in the export
    expect(files.find((f) => f.path === 'README.md')?.content).toContain(
      '- [proto/shop/inventory/v1/inventory.proto](proto/shop/inventory/v1/inventory.proto)',
    );
  });

  it('exports an empty design as a project that says it is empty', () => {
    const paths = generateProject(emptyDesign('empty')).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['Makefile', 'README.md', 'compose.yaml']));
    expect(paths.some((p) => p.startsWith('services/'))).toBe(false);
  });
});

describe('filesForNode', () => {
  const d = design([
    ['o', 'orders', 'python-fastapi'],
    ['db', 'orders-db', 'postgres'],
    ['g', 'edge', 'gateway'],
  ]);
  const files = [
    'README.md',
    'compose.yaml',
    'k8s/orders.yaml',
    'k8s/orders-config.yaml',
    'k8s/orders-db.yaml',
    'k8s/orders-db-config.yaml',
    'helm/templates/orders.yaml',
    'helm/templates/orders-db.yaml',
    'helm/values.yaml',
    'openapi/orders.yaml',
    'openapi/orders-db.yaml',
    'proto/shop/orders/v1/orders.proto',
    'services/orders/Dockerfile',
    'services/orders-db/x',
    'gateway/edge/nginx.conf',
  ].map(file);

  it('gives a service its folder, contracts and manifests, but not those of a longer-named node', () => {
    expect(filesForNode(d, 'o', files).map((f) => f.path)).toEqual([
      'k8s/orders.yaml',
      'k8s/orders-config.yaml',
      'helm/templates/orders.yaml',
      'openapi/orders.yaml',
      'proto/shop/orders/v1/orders.proto',
      'services/orders/Dockerfile',
    ]);
    expect(filesForNode(d, 'db', files).map((f) => f.path)).toEqual([
      'k8s/orders-db.yaml',
      'k8s/orders-db-config.yaml',
      'helm/templates/orders-db.yaml',
      'openapi/orders-db.yaml',
      'services/orders-db/x',
    ]);
    expect(filesForNode(d, 'g', files).map((f) => f.path)).toEqual(['gateway/edge/nginx.conf']);
    expect(filesForNode(d, 'gone', files)).toEqual([]);
  });
});
