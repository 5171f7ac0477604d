import { lit, type StubPlan } from '../python/plan';

/** `src/main.ts`: the Express app, its routes, and the start of the gRPC server and consumers. */
export function mainTs(p: StubPlan): string {
  const routes = p.endpoints.map((e) => {
    const expressPath = e.path.replace(/\{([a-z0-9_]+)\}/g, ':$1');
    const params = `{ ${e.params.map((k) => `${k}: String(req.params[${lit(k)}] ?? '')`).join(', ')}${e.params.length ? ' ' : ''}}`;
    const body = e.method !== 'GET' && e.method !== 'DELETE' ? ', jsonBody(req.body) as never' : '';
    return `app.${e.method.toLowerCase()}(${lit(expressPath)}, async (req, res) => {
  res.json(await handlers.${e.operationId}(${params}${body}));
});`;
  });
  return `/** The Express app of ${p.dns}. Generated: do not edit; the endpoint bodies live in src/handlers.ts. */

import express, { type Request } from 'express';
import * as handlers from './handlers.js';
import * as config from './plumbing/config.js';
${p.own ? "import { serveGrpc } from './plumbing/grpcServer.js';\n" : ''}import { startConsumers } from './plumbing/messaging.js';
import { parsePath, tree } from './plumbing/ping.js';
import { unreachable } from './plumbing/ready.js';

export const app = express();
app.use(express.json());

function jsonBody(body: Request['body']): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/readyz', async (_req, res) => {
  const down = await unreachable();
  if (down.length > 0) res.status(503).json({ status: 'unavailable', unreachable: down });
  else res.json({ status: 'ok' });
});

app.get('/ping', async (req, res) => {
  res.json(await tree(parsePath(req.query.path)));
});

${routes.join('\n\n')}

function main(): void {
  const port = config.httpPort();
  app.listen(port, '0.0.0.0', (err?: Error) => {
    if (err) throw err;
    console.log(\`\${config.serviceName()} (${p.language} / ${p.framework}) listening on \${port}\`);
  });
${p.own ? `  serveGrpc().catch((err: unknown) => {\n    console.error('gRPC server failed to start:', err);\n    process.exit(1);\n  });\n` : ''}  startConsumers();
  // as PID 1 in a container no signal has a default action: stop at once on docker stop
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
}

main();
`;
}
