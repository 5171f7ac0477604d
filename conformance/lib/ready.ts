import { isRuntime } from '../../src/core/catalog/catalog';
import type { ServiceWiring } from '../../src/core/model/wiring';
import { readyDependencies } from '../../src/core/generators/stubs/ready';
import { sleep } from '../infra/proc';
import type { CheckResult, ServiceStatus } from './checks';
import { getJson } from './services';

/**
 * Readiness as the contract defines it: `GET /readyz` answers 200 while the service's brokers and
 * databases run, and 503 once they are stopped, while `/healthz` (liveness) still answers 200.
 */

/** What `/readyz` and `/healthz` of one service answered: a status, or why there was none. */
export interface ReadyAnswer {
  ready: number | string;
  alive?: number | string;
}

type Answers = Map<string, ReadyAnswer>;

async function status(url: string): Promise<number | string> {
  const r = await getJson(url, 5000);
  return 'status' in r ? r.status : r.error;
}

/** `/readyz` of every running service, with its dependencies up. */
export async function readyWithInfra(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  port: (w: ServiceWiring) => number,
): Promise<Answers> {
  const out: Answers = new Map();
  for (const w of services) {
    if (statuses.get(w.node.id)?.state !== 'up') continue;
    out.set(w.node.id, { ready: await status(`http://127.0.0.1:${port(w)}/readyz`) });
  }
  return out;
}

/**
 * `/readyz` and `/healthz` of every running service that has brokers or databases, once they are
 * stopped: polled until `/readyz` answers 503 or `timeoutMs` passes.
 */
export async function readyWithoutInfra(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  port: (w: ServiceWiring) => number,
  timeoutMs = 15_000,
): Promise<Answers> {
  const out: Answers = new Map();
  const end = Date.now() + timeoutMs;
  for (const w of services) {
    if (statuses.get(w.node.id)?.state !== 'up' || readyDependencies(w).length === 0) continue;
    const base = `http://127.0.0.1:${port(w)}`;
    let ready = await status(`${base}/readyz`);
    while (ready !== 503 && Date.now() < end) {
      await sleep(500);
      ready = await status(`${base}/readyz`);
    }
    out.set(w.node.id, { ready, alive: await status(`${base}/healthz`) });
  }
  return out;
}

/**
 * One check per service: ready (200) with its dependencies up; when they were stopped (`down`
 * holds answers), not ready (503) but still alive (200).
 */
export function readyChecks(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  infraDown: ReadonlyMap<string, string>,
  up: Answers,
  down: Answers | null,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const w of services) {
    const n = w.node;
    if (!isRuntime(n.kind)) continue;
    const deps = readyDependencies(w);
    const id = `ready:${n.name}`;
    const title = `${n.name} answers /readyz by its ${deps.length ? 'brokers and databases' : 'own state (no dependency)'}`;
    const base = { id, title, cells: [[n.kind, 'ready']] as CheckResult['cells'], services: [n.name] };
    const s = statuses.get(n.id);
    const missing = deps.filter((d) => infraDown.has(d.nodeId));
    if (s?.state !== 'up') {
      out.push({ ...base, status: 'skip', detail: `${n.name} is not running` });
      continue;
    }
    if (missing.length) {
      out.push({ ...base, status: 'skip', detail: `not started: ${missing.map((d) => d.name).join(', ')}` });
      continue;
    }
    const failures: string[] = [];
    const u = up.get(n.id);
    if (u?.ready !== 200) failures.push(`/readyz answered ${u?.ready ?? 'nothing'} with its dependencies up`);
    const d = down?.get(n.id);
    if (down && deps.length > 0) {
      if (d?.ready !== 503)
        failures.push(`/readyz answered ${d?.ready ?? 'nothing'} after ${deps.map((x) => x.name).join(', ')} stopped`);
      if (d?.alive !== 200) failures.push(`/healthz answered ${d?.alive ?? 'nothing'} after its dependencies stopped`);
    }
    out.push({ ...base, status: failures.length ? 'fail' : 'pass', detail: failures.join('; ') });
  }
  return out;
}
