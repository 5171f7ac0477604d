import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdTable, mdText } from '../../docs/markdown';
import { grpcStandardServicesNote } from '../ready';
import type { PyFramework, StubPlan } from './plan';
import { isPyNative } from './native';
import { nativeReadmeRows, nativeReadmeSection } from './nativeReadme';

/** The service's README.md: what is safe to edit, how to run it, and its environment. */
export function pythonReadme(p: StubPlan, flavour: PyFramework): string {
  const r = RUNTIMES[p.w.runtime];
  const server = { fastapi: 'uvicorn', flask: 'waitress', django: 'gunicorn', celery: 'celery' }[flavour];
  const env = withoutSecretValues(p.w.node, serviceEnv(p.w));
  const native = flavour !== 'celery' && isPyNative(p.w.node.native?.kind) ? p.w.node.native.kind : undefined;
  const rows: string[][] = [
    ['`app/handlers.py`', '**yours**: the bodies of the REST endpoints, the gRPC methods and `on_message`, typed'],
    ...(native ? nativeReadmeRows(native) : []),
    [
      '`app/models.py`',
      `generated: the design's types that REST bodies and parameters carry, as ${flavour === 'fastapi' ? 'Pydantic models' : 'dataclasses'}`,
    ],
    ...(flavour === 'django'
      ? [
          ['`app/views.py`, `app/urls.py`', 'generated: the Django REST framework views and their routes'],
          ['`app/settings.py`', 'generated: Django settings from the environment, PostgreSQL links as `DATABASES`'],
          ['`app/wsgi.py`, `manage.py`', "generated: the WSGI application and Django's command line"],
          ['`app/__main__.py`', `generated: \`python -m app\` runs the migrations, then ${server} on \`PORT\``],
        ]
      : [
          ['`app/main.py`', `generated: the ${r.framework} app and its routes`],
          ['`app/__main__.py`', `generated: \`python -m app\` starts ${server} on \`PORT\``],
        ]),
    [
      '`app/plumbing/`',
      'generated: /ping fan-out and its typed exercise, REST routing, brokers, databases, gRPC server and typed clients',
    ],
    ['`gen_proto.py`', 'generated: build step, protoc from grpcio-tools, `proto/` into `protogen/`'],
    ['`proto/`', 'copied from the project: the contracts this service serves and calls'],
    [
      '`requirements.txt`',
      'every package, pinned with its hashes (pip install --require-hashes): add yours with theirs',
    ],
  ];
  return `# ${mdText(p.w.node.name)} (${mdText(r.label)})

A runnable stub that keeps the project's service contract: \`GET /healthz\`, \`GET /readyz\`, \`GET /ping\` (calls
every outgoing link and answers the tree of who answered), the declared REST endpoints${p.own ? ', a gRPC server with the declared RPCs' : ''} and
the producers and consumers of its topics.
${p.own ? `\n${grpcStandardServicesNote(p.w.node.grpcPort)}` : ''}
## Files

${mdTable(['file', 'what it is'], rows)}

Regenerating the project rewrites everything generated; keep your code in \`app/handlers.py\`
(and modules of your own that it imports)${native ? ' and in `native/`' : ''}.
${native ? `\n${nativeReadmeSection(native)}` : ''}
## Typed contracts

The handlers take and return the contract's types: gRPC requests and responses are the classes
protoc generates from \`proto/\` (module \`protogen.<package path>_pb2\`), REST bodies are the
classes of \`app/models.py\`, parameters are typed. Every RPC is served, streaming ones too
(server, client and bidirectional streaming take and return iterators). An error answer of an
endpoint is \`raise Problem(404, "no such order")\`, sent as RFC 9457 \`application/problem+json\`.

\`GET /ping\` calls every method of each outgoing link whose target reads the typed contracts too,
with the contract's sample data, marked with the header \`polyglot-exercise: 1\`; the callee's
plumbing checks it and answers the sample without calling your handlers. The results are the
\`methods\` of each call in the tree.

## Run it

With Docker: \`docker compose up --build ${p.dns}\` from the project root.

Natively (Python 3.11 or newer), from this folder:

\`\`\`sh
python3 -m venv .venv
.venv/bin/pip install --require-hashes -r requirements.txt
.venv/bin/python gen_proto.py
PORT=${p.w.node.port} .venv/bin/python -m app
\`\`\`

Then \`curl http://127.0.0.1:${p.w.node.port}/ping\`.

## Environment

Every address comes from these variables (the values compose.yaml sets):

${mdTable(
  ['variable', 'value in compose'],
  env.map(([k, v]) => [mdCode(k), mdCode(v)]),
)}
`;
}

/** The README.md of a Celery worker: its tasks, what is safe to edit, how to run it. */
export function celeryReadme(p: StubPlan): string {
  const env = withoutSecretValues(p.w.node, serviceEnv(p.w));
  const broker = p.celeryBroker;
  const rows: string[][] = [
    ['`app/tasks.py`', '**yours**: the body of each task, one per topic'],
    ['`app/models.py`', "generated: the design's types that the REST clients carry, as dataclasses"],
    ['`app/__main__.py`', 'generated: `python -m app` starts the health server, then the Celery worker'],
    [
      '`app/plumbing/`',
      'generated: the Celery app and its queues, the health and `/ping` server, producers, databases, typed clients',
    ],
    ['`gen_proto.py`', 'generated: build step, protoc from grpcio-tools, `proto/` into `protogen/`'],
    [
      '`requirements.txt`',
      'every package, pinned with its hashes (pip install --require-hashes): add yours with theirs',
    ],
  ];
  const tasks = p.tasks.map((t) => [mdCode(t.name), mdCode(t.queue), mdCode(`tasks.${t.fn}`)]);
  return `# ${mdText(p.w.node.name)} (Python · Celery worker)

A Celery worker that takes its tasks from ${broker ? `${mdText(broker.broker.name)} (\`${broker.envVar}\`)` : 'no broker yet (connect a Redis or RabbitMQ topic to it)'}: one task per topic it
consumes, named after the topic. It serves no API of its own; a small HTTP server in the worker
process answers the project's service contract: \`GET /healthz\`, \`GET /readyz\` (the broker and
databases answer) and \`GET /ping\` (calls every outgoing link, and lists under \`received\` the last
tasks this worker took, each with \`valid\`: whether its payload is the sample of the topic's
message).

## Tasks

${tasks.length ? mdTable(['task (topic)', 'queue', 'body'], tasks) : 'None yet.'}

A task's only argument is the message's payload (JSON). Each worker service has its own queue per
topic (\`<topic>.<service>\`), so two worker services each get every task, while the replicas of one
share them. The producers of the project written in Python enqueue the task with Celery's own
protocol:

\`\`\`python
app.send_task("<topic>", args=[payload], queue="<topic>.<service>")
\`\`\`

and send the plain message of the contract as well when other services consume the topic. Services
in other languages publish the plain message only, which this worker does not read: the design's
checker names such links.

## Files

${mdTable(['file', 'what it is'], rows)}

Regenerating the project rewrites everything generated; keep your code in \`app/tasks.py\` (and
modules of your own that it imports).

## Run it

With Docker: \`docker compose up --build ${p.dns}\` from the project root.

Natively (Python 3.11 or newer), from this folder:

\`\`\`sh
python3 -m venv .venv
.venv/bin/pip install --require-hashes -r requirements.txt
.venv/bin/python gen_proto.py
PORT=${p.w.node.port} .venv/bin/python -m app
\`\`\`

Then \`curl http://127.0.0.1:${p.w.node.port}/ping\`. \`CELERY_POOL\` (default \`threads\`) and
\`CELERY_CONCURRENCY\` (default 4) choose the worker's pool; \`/ping\` shows the tasks received with
any pool, \`prefork\` included.

## Environment

Every address comes from these variables (the values compose.yaml sets):

${mdTable(
  ['variable', 'value in compose'],
  env.map(([k, v]) => [mdCode(k), mdCode(v)]),
)}
`;
}
