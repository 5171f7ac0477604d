/** The Express app of package. Generated: do not edit; the endpoint bodies live in src/handlers.ts. */

import express from 'express';
import * as config from './plumbing/config.js';
import { startConsumers } from './plumbing/messaging.js';
import { parsePath, tree } from './plumbing/ping.js';
import { unreachable } from './plumbing/ready.js';

export const app = express();
// paths are served exactly as declared, case kept
app.set('case sensitive routing', true);
app.use(express.json());

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

function main(): void {
  const port = config.httpPort();
  app.listen(port, '0.0.0.0', (err?: Error) => {
    if (err) throw err;
    console.log(`${config.serviceName()} (TypeScript / Express) listening on ${port}`);
  });
  startConsumers();
  // as PID 1 in a container no signal has a default action: stop at once on docker stop
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
}

main();
