import { isRuntime } from '../../src/core/catalog/catalog';
import { servesGrpcHealth } from '../../src/core/generators/kubernetes/grpcHealth';
import { readyDependencies } from '../../src/core/generators/stubs/ready';
import type { ServiceWiring } from '../../src/core/model/wiring';
import { sleep } from '../infra/proc';
import type { CheckResult, ServiceStatus } from './checks';
import { healthCheck, reflectionDescribe, reflectionList } from './grpcProbe';

/**
 * The standard gRPC services of every gRPC server: `grpc.health.v1.Health/Check` answers
 * SERVING while the service is ready and NOT_SERVING once its brokers and databases stop (the
 * same rule as `/readyz`, which Kubernetes `grpc:` probes rely on), and server reflection lists
 * the health service and the service's own, and describes the latter (what `grpcurl` needs).
 */

const HEALTH = 'grpc.health.v1.Health';
const STANDARD = /^grpc\.(health|reflection)\./;

/** What one gRPC server answered: its health, and what reflection listed and described. */
export interface GrpcAnswer {
  health: string;
  listed?: string[] | string;
  /** Per listed own service: descriptor files returned for it, or why none. */
  described?: [string, number | string][];
  /** Health once the dependencies stopped (polled until NOT_SERVING or a timeout). */
  healthDown?: string;
}

type Answers = Map<string, GrpcAnswer>;

const probed = (w: ServiceWiring, statuses: ReadonlyMap<string, ServiceStatus>) =>
  w.servesGrpc && statuses.get(w.node.id)?.state === 'up' && servesGrpcHealth(w.runtime);

/** Health and reflection of every running gRPC server, with its dependencies up. */
export async function grpcWithInfra(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  grpcPort: (w: ServiceWiring) => number,
): Promise<Answers> {
  const out: Answers = new Map();
  for (const w of services) {
    if (!probed(w, statuses)) continue;
    const port = grpcPort(w);
    const listed = await reflectionList(port);
    const described: [string, number | string][] = [];
    if (Array.isArray(listed))
      for (const s of listed.filter((x) => !STANDARD.test(x))) described.push([s, await reflectionDescribe(port, s)]);
    out.set(w.node.id, { health: await healthCheck(port), listed, described });
  }
  return out;
}

/** Health of the gRPC servers that have dependencies, once those stopped. */
export async function grpcWithoutInfra(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  grpcPort: (w: ServiceWiring) => number,
  up: Answers,
  timeoutMs = 15_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (const w of services) {
    const a = up.get(w.node.id);
    if (!a || !probed(w, statuses) || readyDependencies(w).length === 0) continue;
    let h = await healthCheck(grpcPort(w));
    while (h !== 'NOT_SERVING' && Date.now() < end) {
      await sleep(500);
      h = await healthCheck(grpcPort(w));
    }
    a.healthDown = h;
  }
}

/** One check per gRPC server of the design. */
export function grpcHealthChecks(
  services: readonly ServiceWiring[],
  statuses: ReadonlyMap<string, ServiceStatus>,
  infraDown: ReadonlyMap<string, string>,
  answers: Answers,
  stopped: boolean,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const w of services) {
    const n = w.node;
    if (!isRuntime(n.kind) || !w.servesGrpc) continue;
    const base = {
      id: `grpc-health:${n.name}`,
      title: `${n.name} serves ${HEALTH} (SERVING when ready) and server reflection`,
      cells: [[n.kind, 'grpc-health']] as CheckResult['cells'],
      services: [n.name],
    };
    const deps = readyDependencies(w);
    const missing = deps.filter((d) => infraDown.has(d.nodeId));
    if (!servesGrpcHealth(w.runtime)) {
      out.push({ ...base, status: 'skip', detail: `${w.runtime} stubs do not serve ${HEALTH} yet` });
      continue;
    }
    if (statuses.get(n.id)?.state !== 'up') {
      out.push({ ...base, status: 'skip', detail: `${n.name} is not running` });
      continue;
    }
    if (missing.length) {
      out.push({ ...base, status: 'skip', detail: `not started: ${missing.map((d) => d.name).join(', ')}` });
      continue;
    }
    const a = answers.get(n.id);
    const failures: string[] = [];
    if (a?.health !== 'SERVING') failures.push(`Health/Check answered ${a?.health ?? 'nothing'} while ready`);
    const listed = a?.listed;
    if (!Array.isArray(listed)) failures.push(`reflection listed nothing: ${listed ?? 'not asked'}`);
    else {
      if (!listed.includes(HEALTH)) failures.push(`reflection does not list ${HEALTH} (${listed.join(', ')})`);
      const own = (a?.described ?? []).map(([s]) => s);
      if (own.length === 0) failures.push(`reflection lists none of the service's own (${listed.join(', ')})`);
      for (const [s, d] of a?.described ?? [])
        if (typeof d !== 'number' || d < 1) failures.push(`reflection cannot describe ${s}: ${d}`);
    }
    if (stopped && deps.length > 0 && a?.healthDown !== 'NOT_SERVING')
      failures.push(
        `Health/Check answered ${a?.healthDown ?? 'nothing'} after ${deps.map((d) => d.name).join(', ')} stopped`,
      );
    const down = a?.healthDown ? `, ${a.healthDown} once its dependencies stopped` : '';
    const seen = Array.isArray(listed) ? `; lists ${listed.join(', ')}` : '';
    out.push({
      ...base,
      status: failures.length ? 'fail' : 'pass',
      detail: failures.length ? failures.join('; ') : `${a?.health ?? ''}${down}${seen}`,
    });
  }
  return out;
}
