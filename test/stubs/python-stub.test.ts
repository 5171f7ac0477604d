import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pythonDjangoStub,
  pythonFastApiStub,
  pythonFlaskStub,
  PY_VERSIONS,
} from '../../src/core/generators/stubs/python';
import type { StubGenerator } from '../../src/core/generators/stubs/types';
import type { GeneratedFile } from '../../src/core/generators/types';
import { sampleOf } from '../../src/core/model/contracts';
import type { Design } from '../../src/core/model/types';
import { PYTHON_LOCK } from '../../src/core/generators/stubs/locks/python';
import { dockerfileProblems } from '../fixtures/dockerfile-rules';
import { fullDesign, hostileDesign, stubContexts } from './designs';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'py-stub-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
}

/** Compiles every .py file of a folder; returns the compiler's complaints (empty when all compile). */
function pyCompileErrors(dir: string, files: readonly GeneratedFile[]): string {
  const py = files.filter((f) => f.path.endsWith('.py')).map((f) => join(dir, f.path));
  const script = 'import py_compile,sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True)\n';
  const r = spawnSync('python3', ['-c', script, ...py], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return r.status === 0 ? '' : `${r.stdout}${r.stderr}`;
}

const FLAVOURS: [string, 'python-fastapi' | 'python-flask' | 'python-django', StubGenerator][] = [
  ['FastAPI', 'python-fastapi', pythonFastApiStub],
  ['Flask', 'python-flask', pythonFlaskStub],
  ['Django REST framework', 'python-django', pythonDjangoStub],
];

describe.each(FLAVOURS)('Python %s stub', (label, runtime, stub) => {
  const designs = { full: fullDesign(runtime), hostile: hostileDesign(runtime) };

  it.each(Object.entries(designs))('%s design: every service compiles', (name, design) => {
    for (const ctx of stubContexts(design)) {
      const files = stub(ctx);
      expect(files.map((f) => f.path)).toContain('app/handlers.py');
      if (!hasPython) continue;
      const dir = join(work, runtime, name, ctx.wiring.node.id);
      write(dir, files);
      expect(pyCompileErrors(dir, files)).toBe('');
    }
  });

  it('keeps the Dockerfile rules and pins every requirement', () => {
    for (const ctx of stubContexts(designs.full)) {
      const files = new Map(stub(ctx).map((f) => [f.path, f.content]));
      expect(dockerfileProblems(files.get('Dockerfile') ?? '')).toEqual([]);
      expect(files.get('.dockerignore')).toContain('__pycache__');
      expect(files.get('Dockerfile')).toContain('pip install --no-cache-dir --require-hashes -r requirements.txt');
      // one block per package: `name==version \` then its `--hash=sha256:` lines
      const blocks = (files.get('requirements.txt') ?? '').split(/\n(?=[^\s#])/).filter((b) => !b.startsWith('#'));
      const direct = blocks.filter((b) => (b.split('==')[0] ?? '') in PY_VERSIONS);
      expect(direct.length).toBeGreaterThan(1);
      expect(blocks.length).toBeGreaterThan(direct.length);
      for (const block of blocks) {
        const [head = '', ...hashes] = block.trim().split(/ \\\n\s+/);
        const [name = '', version] = head.split('==');
        if (name in PY_VERSIONS) expect(PY_VERSIONS[name as keyof typeof PY_VERSIONS], head).toBe(version);
        else expect(PYTHON_LOCK.packages[name]?.version, head).toBe(version);
        expect(hashes.length, head).toBeGreaterThan(0);
        for (const h of hashes) expect(h, head).toMatch(/^--hash=sha256:[0-9a-f]{64}$/);
      }
    }
  });

  it('wires every link of the caller into its plumbing', () => {
    const [orders, inventory] = stubContexts(designs.full);
    if (!orders || !inventory) throw new Error('two services expected');
    const a = new Map(stub(orders).map((f) => [f.path, f.content]));
    const config = a.get('app/plumbing/config.py') ?? '';
    expect(config).toContain(`FRAMEWORK = "${label}"`);
    expect(config).toContain('RestLink(target="inventory", env="INVENTORY_URL", client="inventory_rest", typed=True)');
    expect(config).toContain(
      'GrpcLink(target="inventory", env="INVENTORY_GRPC_ADDR", client="inventory_grpc", typed=True)',
    );
    for (const kind of ['kafka', 'rabbitmq', 'redis', 'nats'])
      expect(config).toContain(`kind="${kind}", env="${kind.toUpperCase()}_URL", topic="${kind}-events"`);
    expect(config).toContain('kind="postgres"');
    expect(config).toContain('kind="mongodb"');
    for (const client of ['confluent-kafka', 'pika', 'redis', 'nats-py', 'psycopg[binary]', 'pymongo'])
      expect(a.get('requirements.txt')).toContain(`\n${client}==`);
    expect(a.get('proto/shop/inventory/v1/inventory.proto')).toContain('service InventoryService');
    expect(a.get('proto/polyglot/ping/v1/ping.proto')).toContain('service PingService');
    expect(a.get('app/plumbing/grpc_server.py')).toContain('class _Service0(orders_pb2_grpc.OrdersServiceServicer)');
    expect(a.get('app/plumbing/grpc_server.py')).toContain('add_PingServiceServicer_to_server');
    // the caller exercises the target's methods with the typed sample
    expect(a.get('app/plumbing/grpc_clients.py')).toContain('def exercise(self');
    expect(a.get('app/plumbing/rest_clients.py')).toContain('exercise.method("GET /items/{id}"');
    const b = new Map(stub(inventory).map((f) => [f.path, f.content]));
    expect(b.get('app/handlers.py')).toMatch(/def get_items_by_id\(id: str\) -> models\.\w+:/);
    expect(b.get('app/handlers.py')).toMatch(/def post_items\(body: models\.\w+ \| None\)/);
    expect(b.get('app/models.py')).toContain(runtime === 'python-fastapi' ? '(BaseModel):' : '@dataclass');
    expect(b.get('app/plumbing/config.py')).toContain('SUBSCRIBES: list[QueueLink] = [\n    QueueLink(broker="kafka"');
  });
});

describe('Python Django REST framework stub', () => {
  it('routes every declared endpoint to a DRF view that calls the user handler', () => {
    const [, inventory] = stubContexts(fullDesign('python-django'));
    if (!inventory) throw new Error('two services expected');
    const files = new Map(pythonDjangoStub(inventory).map((f) => [f.path, f.content]));
    expect(files.has('app/main.py')).toBe(false);
    const urls = files.get('app/urls.py') ?? '';
    expect(urls).toContain('path("healthz", views.HealthzView.as_view())');
    expect(urls).toContain('path("ping", views.PingView.as_view())');
    expect(urls).toMatch(/path\("items\/<str:p0>", views\.Route\d+View\.as_view\(\)\)/);
    const views = files.get('app/views.py') ?? '';
    expect(views).toContain('return _serve(request, kwargs, rest_server.get_items_by_id)');
    expect(views).toContain('return _serve(request, kwargs, rest_server.post_items)');
    const server = files.get('app/plumbing/rest_server.py') ?? '';
    expect(server).toContain('id = _param(path.get("p0"), str, "id")');
    expect(server).toContain('return 200, models.dump(handlers.get_items_by_id(id))');
    for (const d of ['django', 'djangorestframework', 'gunicorn', 'sqlparse'])
      expect(files.get('requirements.txt')).toContain(`\n${d}==`);
  });

  it('makes PostgreSQL links Django databases and migrates them before gunicorn starts', () => {
    const ctxs = stubContexts(fullDesign('python-django'));
    const withDb = ctxs.find((c) => c.wiring.databases.some((d) => d.databaseKind === 'postgres'));
    if (!withDb) throw new Error('a service with PostgreSQL expected');
    const files = new Map(pythonDjangoStub(withDb).map((f) => [f.path, f.content]));
    expect(files.get('app/settings.py')).toContain('"ENGINE": "django.db.backends.postgresql"');
    const entry = files.get('app/__main__.py') ?? '';
    expect(entry.indexOf('migrate()')).toBeLessThan(entry.indexOf('"gunicorn"'));
    expect(files.get('README.md')).toContain('runs the migrations, then gunicorn');
  });
});

describe.skipIf(!hasPython)('generated Python runs', () => {
  it('answers the tree of a service without links, and reports a dead target as ok:false', () => {
    const [ctx] = stubContexts(fullDesign('python-flask'));
    if (!ctx) throw new Error('no service');
    const dir = join(work, 'run');
    write(dir, pythonFlaskStub(ctx));
    // the fan-out with only its standard-library parts: every link fails fast (no address set)
    const script = [
      'import json, sys, types',
      'from app.plumbing import config, ping',
      'config.REST_LINKS[:] = []',
      'config.GRPC_LINKS[:] = [config.GrpcLink(target="x", env="X_GRPC_ADDR", client="")]',
      'config.PUBLISHES[:] = []',
      'config.DATABASES[:] = []',
      'print(json.dumps(ping.tree(ping.parse_path("a,b"))))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SERVICE_NAME: 'orders' },
    });
    const tree = JSON.parse(out) as Record<string, unknown>;
    expect(tree).toMatchObject({
      service: 'orders',
      language: 'Python',
      framework: 'Flask',
      ok: true,
      loop: false,
      path: ['a', 'b', 'orders'],
    });
    expect(tree.calls).toEqual([{ via: 'grpc', target: 'x', ok: false, error: 'RuntimeError: x serves no gRPC' }]);
    const loop = execFileSync(
      'python3',
      ['-c', 'import json\nfrom app.plumbing import ping\nprint(json.dumps(ping.tree(["orders"])))'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, SERVICE_NAME: 'orders' },
      },
    );
    expect(JSON.parse(loop)).toMatchObject({ loop: true, calls: [], path: ['orders', 'orders'] });
  });
});

describe.skipIf(!hasPython)('the typed exercise in generated Python', () => {
  /** The rich-contract fixture with REST only, so the Flask stub runs on the standard library. */
  function restOnly(): Design {
    const d = JSON.parse(readFileSync('conformance/fixtures/contracts-rich.json', 'utf8')) as Design;
    return {
      ...d,
      nodes: d.nodes.map((n) => (n.api ? { ...n, api: { ...n.api, grpc: [] } } : n)),
      links: d.links.filter((l) => l.kind === 'rest'),
    };
  }

  it('answers an exercise call with the sample, refuses one that is not the sample, and calls the handler otherwise', () => {
    const ctx = stubContexts(restOnly()).find((c) => c.wiring.node.name === 'shop-orders');
    if (!ctx) throw new Error('shop-orders expected');
    const dir = join(work, 'exercise');
    write(dir, pythonFlaskStub(ctx));
    const script = [
      'import json',
      'from app.plumbing import exercise, rest_server',
      'order = {"id": "id-sample", "items": [], "labels": {}, "tags": [], "counts": {}}',
      'def run(headers, body):',
      '    try:',
      '        return list(rest_server.post_orders({}, lambda n: [], lambda n: headers.get(n), json.dumps(body).encode()))',
      '    except exercise.Problem as p:',
      '        return [p.status, p.detail[:60]]',
      'sample = json.loads(open("sample.json").read())',
      'print(json.dumps([run({"polyglot-exercise": "1"}, sample), run({"polyglot-exercise": "1"}, order), run({}, order)]))',
    ].join('\n');
    const sample = sampleOf(ctx.design, 't-order');
    writeFileSync(join(dir, 'sample.json'), JSON.stringify(sample));
    const out = JSON.parse(
      execFileSync('python3', ['-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      }),
    ) as [unknown[], unknown[], unknown[]];
    // the sample arrives: the plumbing answers the sample response with the declared status
    expect(out[0]).toEqual([201, sample]);
    // another body marked as an exercise: 422, naming the endpoint
    expect(out[1]).toEqual([422, 'POST /orders: the request differs from the sample: expected ']);
    // an ordinary call goes to the user's handler (its TODO body answers the sample)
    expect(out[2]).toEqual([201, sample]);
  });
});

describe.skipIf(!hasPython)('the REST exercise of a generated Python client', () => {
  it('expects the declared success status of each endpoint and reports another as a failed method', () => {
    const d = JSON.parse(readFileSync('conformance/fixtures/contracts-rich.json', 'utf8')) as Design;
    const restOnly: Design = {
      ...d,
      nodes: d.nodes.map((n) => (n.api ? { ...n, api: { ...n.api, grpc: [] } } : n)),
      links: d.links.filter((l) => l.kind === 'rest'),
    };
    const ctx = stubContexts(restOnly).find((c) => c.wiring.node.name === 'shop-front');
    if (!ctx) throw new Error('shop-front expected');
    const dir = join(work, 'rest-status');
    write(dir, pythonFlaskStub(ctx));
    writeFileSync(join(dir, 'order.json'), JSON.stringify(sampleOf(ctx.design, 't-order')));
    // an HTTP client that answers every call as shop-orders' plumbing does (the sample, the
    // declared status), except the statuses given on the command line
    const script = `
import json, os, sys
os.environ["SHOP_ORDERS_URL"] = "http://shop-orders:8080"
from app.plumbing import config, rest_clients

ORDER = json.loads(open("order.json").read())
ANSWERS = {"GET /orders": (200, [ORDER, ORDER]), "POST /orders": (201, ORDER), "POST /cart/addToCart": (200, ORDER)}
CHANGED = json.loads(sys.argv[1])

class Resp:
    def __init__(self, status, body):
        self.status_code = status
        self.body = body
    def json(self):
        return self.body
    def raise_for_status(self):
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}")

class Client:
    def request(self, method, url, **kw):
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        key = f"{method} {path}"
        status, body = ANSWERS.get(key, (204, None) if method == "DELETE" else (200, ORDER))
        return Resp(CHANGED.get(key, status), body)

config.http_client = lambda: Client()
print(json.dumps(rest_clients.shop_orders_rest.exercise()))
`;
    const run = (changed: Record<string, number>) =>
      JSON.parse(
        execFileSync('python3', ['-c', script, JSON.stringify(changed)], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        }),
      ) as { name: string; ok: boolean; error?: string }[];
    const declared = run({});
    expect(declared.map((m) => m.name)).toEqual([
      'GET /orders/{orderId}',
      'GET /orders',
      'POST /orders',
      'POST /cart/addToCart',
      'DELETE /orders/{orderId}',
    ]);
    expect(declared.every((m) => m.ok)).toBe(true);
    // a 2XX other than the declared one fails that method alone
    const other = run({ 'POST /orders': 200, 'DELETE /orders/orderId-sample': 200 });
    expect(other.filter((m) => !m.ok)).toEqual([
      { name: 'POST /orders', ok: false, error: 'expected HTTP 201, got HTTP 200' },
      { name: 'DELETE /orders/{orderId}', ok: false, error: 'expected HTTP 204, got HTTP 200' },
    ]);
  });
});

describe('the FastAPI OpenAPI page', () => {
  it('declares the Pydantic models, parameters, success status and problem answers of every route', () => {
    const d = JSON.parse(readFileSync('conformance/fixtures/contracts-rich.json', 'utf8')) as Design;
    const ctx = stubContexts(d).find((c) => c.wiring.node.name === 'shop-pricing');
    if (!ctx) throw new Error('shop-pricing expected');
    const main = pythonFastApiStub(ctx).find((f) => f.path === 'app/main.py')?.content ?? '';
    expect(main).toContain(
      [
        '@app.api_route(',
        '    "/orders",',
        '    methods=["POST"],',
        '    status_code=201,',
        '    response_model=models.Order,',
        '    responses=_problems({422: "Unprocessable Content"}),',
        '    openapi_extra=_request(models.Order, []),',
        ')',
      ].join('\n'),
    );
    expect(main).toContain('response_model=list[models.Order],');
    expect(main).toContain('openapi_extra=_request(list[models.LineItem], []),');
    expect(main).toContain('("p0", "path", True, str), ("verbose", "query", False, bool)');
    expect(main).toContain('app.openapi = _openapi');
    // the route still reads its body in the plumbing: a body that does not fit stays a 422 problem
    expect(main).toContain('return await _serve(request, rest_server.post_orders)');
    const files = pythonFastApiStub(ctx);
    write(join(work, 'openapi'), files);
    expect(pyCompileErrors(join(work, 'openapi'), files)).toBe('');
  });
});
