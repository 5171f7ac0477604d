import { LINK_KINDS, RUNTIMES, isRuntime } from '../../catalog/catalog';
import type { Design, DesignNode } from '../../model/types';

/** Whether a node is a service with a runnable stub (started by a plain `docker compose up`). */
export function hasStub(node: DesignNode): boolean {
  return isRuntime(node.kind) && RUNTIMES[node.kind].tier === 1;
}

/** Whether a plain `docker compose up` starts the service: it has a stub and at least one replica. */
export function runsByDefault(node: DesignNode): boolean {
  return hasStub(node) && node.replicas > 0;
}

/**
 * The services a request starts from: runnable services that no other runnable service calls
 * synchronously (REST or gRPC). Their `/ping` shows the whole tree below them. When every service
 * is called by another (a cycle), the first runnable service stands in.
 */
export function entryServices(design: Design): DesignNode[] {
  const runnable = design.nodes.filter(runsByDefault);
  const ids = new Set(runnable.map((n) => n.id));
  const called = new Set(
    design.links
      .filter((l) => LINK_KINDS[l.kind].sync && l.kind !== 'database' && ids.has(l.source))
      .map((l) => l.target),
  );
  const entries = runnable.filter((n) => !called.has(n.id));
  return entries.length > 0 ? entries : runnable.slice(0, 1);
}
