import type { RuntimeId } from '../../catalog/catalog';
import { goStub } from './go';
import { javaSpringStub } from './java';
import { nodeExpressStub } from './node';
import { pythonCeleryStub, pythonDjangoStub, pythonFastApiStub, pythonFlaskStub } from './python';
import { rubySinatraStub } from './ruby';
import { rustAxumStub } from './rust';
import { scalaHttp4sStub } from './scala';
import type { StubGenerator } from './types';

/** The runnable stub of each runtime; a runtime missing here gets a README saying so. */
export const STUBS: Partial<Record<RuntimeId, StubGenerator>> = {
  'python-fastapi': pythonFastApiStub,
  'python-flask': pythonFlaskStub,
  'python-django': pythonDjangoStub,
  'python-celery': pythonCeleryStub,
  'go-nethttp': goStub,
  'java-spring': javaSpringStub,
  'node-express': nodeExpressStub,
  'rust-axum': rustAxumStub,
  'ruby-sinatra': rubySinatraStub,
  'scala-http4s': scalaHttp4sStub,
};
