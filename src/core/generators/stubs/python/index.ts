import type { GeneratedFile } from '../../types';
import type { StubContext, StubGenerator } from '../types';
import { entryPy, fastapiMainPy, flaskMainPy, handlersPy } from './app';
import { configPy } from './config';
import { djangoEntryPy, djangoSettingsPy, djangoUrlsPy, djangoViewsPy, djangoWsgiPy, MANAGE_PY } from './django';
import { databasesPy } from './databases';
import { grpcClientsPy, grpcServerPy } from './grpc';
import { PY_DOCKERIGNORE, pyDockerignore, pythonDockerfile, requirementsTxt } from './manifest';
import { messagingPy } from './messaging';
import { PING_NATIVE_PY, PING_PY } from './ping';
import { isPyNative, nativeFiles, nativeLoaderPy } from './native';
import { readyDependencies } from '../ready';
import { readyPy } from './ready';
import { planStub, type PyFramework, type StubPlan } from './plan';
import { celeryReadme, pythonReadme } from './readme';
import { HEALTH_PY, celeryAppPy, celeryEntryPy, tasksPy } from './celery';
import { restClientsPy, restServerPy } from './restClients';
import { EXERCISE_PY } from './exercise';
import { modelsPy, restTypes } from './models';
import { GEN_PROTO_PY, runtimePy } from './runtime';

const PLUMBING_INIT = '"""Generated plumbing of the service contract. Regenerate, do not edit."""\n';

/** The files of the HTTP layer, the only part in which the three Python stubs differ. */
function frameworkFiles(p: StubPlan, flavour: Exclude<PyFramework, 'celery'>): GeneratedFile[] {
  if (flavour === 'django') {
    return [
      { path: 'manage.py', content: MANAGE_PY },
      { path: 'app/__main__.py', content: djangoEntryPy(p) },
      { path: 'app/settings.py', content: djangoSettingsPy(p) },
      { path: 'app/urls.py', content: djangoUrlsPy(p) },
      { path: 'app/views.py', content: djangoViewsPy(p) },
      { path: 'app/wsgi.py', content: djangoWsgiPy(p) },
    ];
  }
  return [
    { path: 'app/__main__.py', content: entryPy(p, flavour) },
    { path: 'app/main.py', content: flavour === 'fastapi' ? fastapiMainPy(p) : flaskMainPy(p) },
  ];
}

function pythonStub(ctx: StubContext, flavour: Exclude<PyFramework, 'celery'>): GeneratedFile[] {
  const p = planStub(ctx);
  // the real contract files, compiled as they are: own services, the targets', and the ping contract
  const protos = p.own || p.w.grpc.length > 0 ? ctx.contractProtos : [];
  const native = isPyNative(p.w.node.native?.kind) ? p.w.node.native.kind : undefined;
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: pythonDockerfile(p) },
    { path: '.dockerignore', content: pyDockerignore(native) },
    {
      path: '.gitignore',
      content: `__pycache__/\n.venv/\nprotogen/\n${native ? `.venv-build/\nnative/build/\nnative/target/\n${native === 'cython' ? 'native/hotpath.c\nnative/*.so\n' : ''}` : ''}`,
    },
    { path: 'README.md', content: pythonReadme(p, flavour) },
    { path: 'requirements.txt', content: requirementsTxt(p, flavour) },
    { path: 'gen_proto.py', content: GEN_PROTO_PY },
    { path: 'app/__init__.py', content: '' },
    ...frameworkFiles(p, flavour),
    { path: 'app/handlers.py', content: handlersPy(p) },
    {
      path: 'app/models.py',
      content: modelsPy(restTypes([...p.ownEndpoints, ...p.rest.flatMap((r) => r.used)]), flavour),
    },
    { path: 'app/plumbing/__init__.py', content: PLUMBING_INIT },
    { path: 'app/plumbing/config.py', content: configPy(p) },
    { path: 'app/plumbing/ping.py', content: native ? PING_NATIVE_PY : PING_PY },
    { path: 'app/plumbing/exercise.py', content: EXERCISE_PY },
    { path: 'app/plumbing/rest_server.py', content: restServerPy(p) },
    { path: 'app/plumbing/messaging.py', content: messagingPy(p) },
    { path: 'app/plumbing/databases.py', content: databasesPy(p) },
    { path: 'app/plumbing/ready.py', content: readyPy(readyDependencies(p.w)) },
    { path: 'app/plumbing/runtime.py', content: runtimePy(p) },
  ];
  if (p.own) files.push({ path: 'app/plumbing/grpc_server.py', content: grpcServerPy(p) });
  if (native) files.push({ path: 'app/plumbing/native.py', content: nativeLoaderPy(native) }, ...nativeFiles(native));
  return [...files, ...clientFiles(p, protos)];
}

/** The typed clients of the services it calls, and the contract files they compile. */
function clientFiles(p: StubPlan, protos: readonly GeneratedFile[]): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const seen = new Set<string>();
  if (p.grpc.length > 0) files.push({ path: 'app/plumbing/grpc_clients.py', content: grpcClientsPy(p) });
  if (p.rest.length > 0) files.push({ path: 'app/plumbing/rest_clients.py', content: restClientsPy(p) });
  for (const proto of protos) {
    if (seen.has(proto.path)) continue;
    seen.add(proto.path);
    files.push({ path: `proto/${proto.path}`, content: proto.content });
  }
  return files;
}

/**
 * The Python · Celery worker: a Celery app with one task per topic, its task bodies in
 * app/tasks.py, and a small HTTP server for the contract's health and /ping endpoints. It serves
 * no API; the rest of the plumbing (config, /ping, producers, databases, clients) is shared.
 */
export const pythonCeleryStub: StubGenerator = (ctx) => {
  const p = planStub(ctx);
  const protos = p.w.grpc.length > 0 ? ctx.contractProtos : [];
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: pythonDockerfile(p) },
    { path: '.dockerignore', content: PY_DOCKERIGNORE },
    { path: '.gitignore', content: '__pycache__/\n.venv/\nprotogen/\n' },
    { path: 'README.md', content: celeryReadme(p) },
    { path: 'requirements.txt', content: requirementsTxt(p, 'celery') },
    { path: 'gen_proto.py', content: GEN_PROTO_PY },
    { path: 'app/__init__.py', content: '' },
    { path: 'app/__main__.py', content: celeryEntryPy(p) },
    { path: 'app/tasks.py', content: tasksPy(p) },
    { path: 'app/models.py', content: modelsPy(restTypes(p.rest.flatMap((r) => r.used)), 'celery') },
    { path: 'app/plumbing/__init__.py', content: PLUMBING_INIT },
    { path: 'app/plumbing/config.py', content: configPy(p) },
    { path: 'app/plumbing/celery_app.py', content: celeryAppPy(p) },
    { path: 'app/plumbing/health.py', content: HEALTH_PY },
    { path: 'app/plumbing/ping.py', content: PING_PY },
    { path: 'app/plumbing/exercise.py', content: EXERCISE_PY },
    { path: 'app/plumbing/messaging.py', content: messagingPy(p) },
    { path: 'app/plumbing/databases.py', content: databasesPy(p) },
    { path: 'app/plumbing/ready.py', content: readyPy(readyDependencies(p.w)) },
  ];
  return [...files, ...clientFiles(p, protos)];
};

/** The Python · FastAPI stub: uvicorn serves the app; plumbing shared with the Flask stub. */
export const pythonFastApiStub: StubGenerator = (ctx) => pythonStub(ctx, 'fastapi');

/** The Python · Flask stub: waitress serves the app; plumbing shared with the FastAPI stub. */
export const pythonFlaskStub: StubGenerator = (ctx) => pythonStub(ctx, 'flask');

/** The Python · Django REST framework stub: gunicorn serves the Django project; plumbing shared. */
export const pythonDjangoStub: StubGenerator = (ctx) => pythonStub(ctx, 'django');

export { PY_VERSIONS, PYTHON_IMAGE } from './manifest';
