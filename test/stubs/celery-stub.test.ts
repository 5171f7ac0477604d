import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NodeKind } from '../../src/core/catalog/catalog';
import { checkDesign } from '../../src/core/checks';
import { pythonCeleryStub, pythonFastApiStub } from '../../src/core/generators/stubs/python';
import { STUBS } from '../../src/core/generators/stubs/registry';
import type { GeneratedFile } from '../../src/core/generators/types';
import { addNode, connect, withCountedIds } from '../../src/core/ops/ops';
import { emptyDesign, type Design } from '../../src/core/model/types';
import { dockerfileProblems } from '../fixtures/dockerfile-rules';
import { stubContexts } from './designs';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'celery-stub-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
}

/** A design made with the app's ops: nodes, then links `[from, to, topic?]` (queue when a topic is given). */
function design(nodes: [string, NodeKind][], links: [string, string, string?][]): Design {
  return withCountedIds(() => {
    let d = emptyDesign('celery-test');
    for (const [id, kind] of nodes) {
      const r = addNode(d, { kind, id, name: id, position: { x: 0, y: 0 } });
      if (!r.ok) throw new Error(r.reason);
      d = r.design;
    }
    for (const [source, target, topic] of links) {
      const r = connect(d, { source, target, ...(topic ? { topic, kind: 'queue' as const } : {}) });
      if (!r.ok) throw new Error(r.reason);
      d = r.design;
    }
    return d;
  });
}

/** web (FastAPI) → redis "thumbs" → worker (Celery); "thumbs" also read by audit (Flask) when `mixed`. */
function shop(mixed: boolean): Design {
  return design(
    [
      ['web', 'python-fastapi'],
      ['redis', 'redis'],
      ['worker', 'python-celery'],
      ['audit', 'python-flask'],
      ['postgres', 'postgres'],
    ],
    [
      ['web', 'redis', 'thumbs'],
      ['redis', 'worker', 'thumbs'],
      ...(mixed ? [['redis', 'audit', 'thumbs'] as [string, string, string]] : []),
      ['worker', 'postgres'],
    ],
  );
}

function filesOf(d: Design, name: string): Map<string, string> {
  const ctx = stubContexts(d).find((c) => c.wiring.node.name === name);
  if (!ctx) throw new Error(name);
  const stub = STUBS[ctx.wiring.runtime];
  if (!stub) throw new Error(ctx.wiring.runtime);
  return new Map(stub(ctx).map((f) => [f.path, f.content]));
}

describe('Python · Celery worker stub', () => {
  const files = filesOf(shop(false), 'worker');

  it('has a task per topic, named by the topic, in a file of the user', () => {
    expect(pythonCeleryStub).toBe(STUBS['python-celery']);
    const tasks = files.get('app/tasks.py') ?? '';
    expect(tasks).toContain(
      '@app.task(name="thumbs", bind=True)\ndef thumbs(self: Any, payload: dict[str, Any]) -> None:',
    );
    expect(tasks).toContain('# TODO: do the work.');
    const app = files.get('app/plumbing/celery_app.py') ?? '';
    expect(app).toContain('BROKER_ENV = "REDIS_URL"');
    expect(app).toMatch(
      /\("thumbs", "thumbs\.worker", \{"id": "id-sample", "kind": "kind-sample", "at": "at-sample"\}\)/,
    );
    // no HTTP framework, no handlers of endpoints: the health server is the standard library's
    expect([...files.keys()]).not.toContain('app/handlers.py');
    expect([...files.keys()]).not.toContain('app/main.py');
    expect(files.get('app/plumbing/health.py')).toContain('ThreadingHTTPServer');
  });

  it('pins celery with hashes, and kombu’s Redis needs (redis, packaging), without a web framework', () => {
    const req = files.get('requirements.txt') ?? '';
    for (const p of ['celery==5.7.0', 'kombu==', 'redis==', 'packaging==26.3', 'psycopg[binary]=='])
      expect(req, p).toContain(p);
    expect(req).not.toMatch(/^(fastapi|flask|django)==/m);
    expect(req).toMatch(/--hash=sha256:[0-9a-f]{64}/);
  });

  it('runs as a non-root user with the health check of every stub', () => {
    const docker = files.get('Dockerfile') ?? '';
    expect(dockerfileProblems(docker)).toEqual([]);
    expect(docker).toContain('USER appuser');
    expect(docker).toContain('/readyz');
    expect(docker).toContain('CMD ["python", "-m", "app"]');
  });

  it('refuses REST and gRPC links into a worker, and Kafka or NATS subscriptions', () => {
    const d = design(
      [
        ['web', 'python-fastapi'],
        ['worker', 'python-celery'],
        ['kafka', 'kafka'],
      ],
      [],
    );
    const rest = connect(d, { source: 'web', target: 'worker', kind: 'rest' });
    expect(rest.ok ? '' : rest.reason).toMatch(/serves no API: send it a task through a Redis or RabbitMQ queue/);
    const kafka = connect(d, { source: 'kafka', target: 'worker', kind: 'queue', topic: 't' });
    expect(kafka.ok ? '' : kafka.reason).toMatch(/takes Celery tasks from Redis or RabbitMQ only/);
    // dragged without a kind, as on the canvas: the same reason
    const drag = connect(d, { source: 'kafka', target: 'worker' });
    expect(drag.ok ? '' : drag.reason).toBe(
      'Python · Celery worker takes Celery tasks from Redis or RabbitMQ only, not from Kafka.',
    );
  });
});

describe('a Python producer of Celery tasks', () => {
  it('enqueues a task for the worker and publishes no plain message when the worker is the only consumer', () => {
    const config = filesOf(shop(false), 'web').get('app/plumbing/config.py') ?? '';
    expect(config).toContain('topic="thumbs"');
    expect(config).toContain('celery=("thumbs.worker",), plain=False');
    const messaging = filesOf(shop(false), 'web').get('app/plumbing/messaging.py') ?? '';
    expect(messaging).toContain('app.send_task(link.topic, args=[message["payload"]], queue=queue');
    expect(filesOf(shop(false), 'web').get('requirements.txt')).toContain('celery==5.7.0');
  });

  it('sends both the task and the plain message when other services consume the topic, and the checker says so', () => {
    const d = shop(true);
    expect(filesOf(d, 'web').get('app/plumbing/config.py')).toContain('celery=("thumbs.worker",), plain=True');
    const info = checkDesign(d).filter((f) => f.rule === 'celery-mixed-consumers');
    expect(info).toHaveLength(1);
    expect(info[0]?.message).toMatch(
      /goes to the Celery worker\(s\) worker as a task .* and to audit as the plain message/,
    );
  });

  it('has no Celery part when no worker consumes its topics', () => {
    const d = design(
      [
        ['web', 'python-fastapi'],
        ['redis', 'redis'],
        ['audit', 'python-flask'],
      ],
      [
        ['web', 'redis', 'thumbs'],
        ['redis', 'audit', 'thumbs'],
      ],
    );
    const web = filesOf(d, 'web');
    expect(web.get('app/plumbing/messaging.py')).not.toContain('send_task');
    expect(web.get('requirements.txt')).not.toContain('celery==');
  });

  it('is flagged when it is written in another language', () => {
    const d = design(
      [
        ['gosvc', 'go-nethttp'],
        ['rabbitmq', 'rabbitmq'],
        ['worker', 'python-celery'],
      ],
      [
        ['gosvc', 'rabbitmq', 'jobs'],
        ['rabbitmq', 'worker', 'jobs'],
      ],
    );
    const warn = checkDesign(d).filter((f) => f.rule === 'celery-foreign-producer');
    expect(warn.map((f) => f.message)).toEqual([
      'gosvc (Go · net/http) publishes "jobs" on rabbitmq, but cannot enqueue the Celery task of worker: nobody gets its messages.',
    ]);
  });

  it('is flagged for a second broker of the worker', () => {
    const d = design(
      [
        ['web', 'python-fastapi'],
        ['redis', 'redis'],
        ['rabbitmq', 'rabbitmq'],
        ['worker', 'python-celery'],
      ],
      [
        ['web', 'redis', 'a'],
        ['web', 'rabbitmq', 'b'],
        ['redis', 'worker', 'a'],
        ['rabbitmq', 'worker', 'b'],
      ],
    );
    const err = checkDesign(d).filter((f) => f.rule === 'celery-broker');
    expect(err.map((f) => f.message)).toEqual([
      'worker takes its tasks from redis only: "b" on rabbitmq never reaches it.',
    ]);
    // the producer enqueues only where the worker listens
    expect(filesOf(d, 'web').get('app/plumbing/config.py')).toContain('topic="b", payload=');
    expect(filesOf(d, 'web').get('app/plumbing/config.py')).not.toContain('b.worker');
  });
});

describe.skipIf(!hasPython)('the Celery plumbing in Python', () => {
  /** A stand-in `celery` and `kombu` that record what the plumbing asks of them. */
  const FAKE = [
    'import sys, types',
    'sent = []',
    'handlers = []',
    'celery = types.ModuleType("celery")',
    'class Celery:',
    '    def __init__(self, main=None, broker=None, **kw):',
    '        self.main, self.broker, self.conf = main, broker, types.SimpleNamespace(update=lambda **c: self.__dict__.setdefault("c", c))',
    '    def send_task(self, name, **kw):',
    '        sent.append([self.broker, name, kw])',
    '    def task(self, **kw):',
    '        return lambda f: f',
    'celery.Celery = Celery',
    'celery.signals = types.SimpleNamespace(task_received=types.SimpleNamespace(connect=lambda f: handlers.append(f) or f))',
    'kombu = types.ModuleType("kombu")',
    'kombu.Queue = lambda *a, **k: (a, k)',
    'kombu.Exchange = lambda *a, **k: (a, k)',
    'sys.modules.update(celery=celery, kombu=kombu)',
  ].join('\n');

  it('enqueues the task with send_task on the broker URL, the payload as its argument', () => {
    const dir = join(work, 'producer');
    const ctx = stubContexts(shop(false)).find((c) => c.wiring.node.name === 'web');
    if (!ctx) throw new Error('web');
    write(dir, pythonFastApiStub(ctx));
    const script = [
      FAKE,
      'import json',
      'from app.plumbing import config, messaging',
      'link = config.PUBLISHES[0]',
      'got = messaging.publish(link, ["web"])',
      'print(json.dumps({"id": got, "sent": sent}))',
    ].join('\n');
    const out = JSON.parse(
      execFileSync('python3', ['-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, SERVICE_NAME: 'web', REDIS_URL: 'redis://127.0.0.1:1/0', PYTHONDONTWRITEBYTECODE: '1' },
      }),
    ) as { id: string; sent: unknown[] };
    expect(out.id).toBe('web-1');
    expect(out.sent).toEqual([
      [
        'redis://127.0.0.1:1/0',
        'thumbs',
        {
          args: [{ id: 'id-sample', kind: 'kind-sample', at: 'at-sample' }],
          queue: 'thumbs.worker',
          headers: { polyglot_id: 'web-1', polyglot_from: 'web', polyglot_path: ['web'] },
          retry: false,
        },
      ],
    ]);
  });

  it('records each task received, checks its payload, and serves /healthz, /readyz and /ping', () => {
    const dir = join(work, 'worker');
    const ctx = stubContexts(shop(false)).find((c) => c.wiring.node.name === 'worker');
    if (!ctx) throw new Error('worker');
    write(dir, pythonCeleryStub(ctx));
    const script = [
      FAKE,
      'import json, urllib.request, urllib.error',
      'from app.plumbing import celery_app, health, config',
      'config.DATABASES[:] = []',
      'def request(payload, sender):',
      '    return types.SimpleNamespace(name="thumbs", id="uuid-1", request_dict={"args": [payload], "polyglot_from": sender, "polyglot_id": sender + "-1"})',
      'for f in handlers:',
      '    f(request=request({"id": "id-sample", "kind": "kind-sample", "at": "at-sample"}, "web"))',
      '    f(request=request({"id": "other"}, "elsewhere"))',
      'server = health.start()',
      'base = "http://127.0.0.1:%d" % server.server_address[1]',
      'def get(path):',
      '    try:',
      '        with urllib.request.urlopen(base + path) as r:',
      '            return [r.status, json.loads(r.read())]',
      '    except urllib.error.HTTPError as e:',
      '        return [e.code, json.loads(e.read())]',
      'print(json.dumps({"broker": celery_app.app.broker, "healthz": get("/healthz"), "readyz": get("/readyz"), "ping": get("/ping?path=a"), "none": get("/nope")[0]}))',
    ].join('\n');
    const out = JSON.parse(
      execFileSync('python3', ['-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          SERVICE_NAME: 'worker',
          PORT: '0',
          REDIS_URL: 'redis://127.0.0.1:1/0',
          PYTHONDONTWRITEBYTECODE: '1',
        },
      }),
    ) as Record<string, unknown>;
    expect(out.broker).toBe('redis://127.0.0.1:1/0');
    expect(out.healthz).toEqual([200, { status: 'ok' }]);
    // nothing listens on port 1, and no POSTGRES_URL is set: neither answers
    expect(out.readyz).toEqual([503, { status: 'unavailable', unreachable: ['REDIS_URL', 'POSTGRES_URL'] }]);
    expect(out.ping).toEqual([
      200,
      {
        service: 'worker',
        language: 'Python',
        framework: 'Celery',
        ok: true,
        loop: false,
        path: ['a', 'worker'],
        calls: [],
        received: [
          { broker: 'redis', topic: 'thumbs', from: 'web', id: 'web-1', valid: true },
          { broker: 'redis', topic: 'thumbs', from: 'elsewhere', id: 'elsewhere-1', valid: false },
        ],
      },
    ]);
    expect(out.none).toBe(404);
  });
});
