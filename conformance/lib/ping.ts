import { dnsLabel } from '../../src/core/model/naming';
import { sleep } from '../infra/proc';
import { evaluate, type ServiceStatus } from './checks';
import type { Plan } from './plan';
import { getJson } from './services';
import { readTree, type PingNode } from './tree';

/** How long one `/ping` may take: it crosses the whole tree below the service. */
const PING_TIMEOUT_MS = 60_000;
/** How long consumers get to show the messages of one round. */
const RECEIVE_WINDOW_MS = 20_000;
/**
 * Rounds of pinging the entries. A message published before its consumer subscribed is lost on
 * NATS and RabbitMQ (as in compose, where healthy need not mean subscribed), so a consumer that
 * shows nothing gets fresh messages from another round before its check fails.
 */
const ROUNDS = 3;

/**
 * Pings every entry service, then polls every consumer's `/ping` until it shows a message from
 * each producer of each topic it subscribes to; returns every tree seen.
 */
export async function collectTrees(
  plan: Plan,
  statuses: ReadonlyMap<string, ServiceStatus>,
  log: (l: string) => void,
): Promise<PingNode[]> {
  const up = (id: string) => statuses.get(id)?.state === 'up';
  const entries = plan.entries.filter((w) => up(w.node.id));
  const consumers = plan.consumers.filter((w) => up(w.node.id));
  const trees: PingNode[] = [];

  const ping = async (w: Plan['services'][number]) => {
    const url = `http://127.0.0.1:${plan.resolver.port(w.node)}/ping`;
    const r = await getJson(url, PING_TIMEOUT_MS);
    if ('error' in r) {
      log(`  /ping ${w.node.name}: ${r.error}`);
      return null;
    }
    const tree = readTree(r.body);
    if (r.status !== 200 || !tree) {
      log(`  /ping ${w.node.name}: status ${r.status}, not a ping tree: ${JSON.stringify(r.body).slice(0, 200)}`);
      return null;
    }
    return tree;
  };
  const missing = (seen: PingNode[]) =>
    evaluate({ design: plan.design, services: statuses, infraDown: plan.infraDown, trees: seen }).filter(
      (c) => c.status === 'fail' && c.cells.some(([, col]) => col.startsWith('sub-')),
    );

  for (let round = 1; round <= ROUNDS; round++) {
    for (const w of entries) {
      const t = await ping(w);
      if (t) trees.push(t);
    }
    if (consumers.length === 0) break;
    const end = Date.now() + RECEIVE_WINDOW_MS;
    let pending = missing(trees);
    while (pending.length > 0) {
      for (const w of consumers) {
        const t = await ping(w);
        if (t) trees.push(t);
      }
      pending = missing(trees);
      if (pending.length === 0 || Date.now() > end) break;
      await sleep(2000);
    }
    if (pending.length === 0) break;
    log(
      `  round ${round}: ${pending.length} subscription(s) have shown nothing yet${round < ROUNDS ? '; pinging again' : ''}`,
    );
  }
  if (consumers.length > 0 && trees.length > 0) {
    // the consumers' own answers, for the record even when every message arrived in round one
    for (const w of consumers) {
      if (trees.some((t) => t.service === dnsLabel(w.node.name))) continue;
      const t = await ping(w);
      if (t) trees.push(t);
    }
  }
  return trees;
}
