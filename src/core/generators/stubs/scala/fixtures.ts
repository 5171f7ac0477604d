import type { Design } from '../../../model/types';
import { wireServices } from '../../../model/wiring';
import { stubContext } from '../../project';
import { everyLinkDesign as javaEveryLink, hostileDesign as javaHostile } from '../java/fixtures';
import type { StubContext } from '../types';

/**
 * The Java stub's test designs with every Java service made a Scala one: `everyLinkDesign` (REST,
 * gRPC, all four brokers both ways, PostgreSQL, MongoDB and Redis, and a Python service calling
 * and called) and `hostileDesign` (reserved words, path tricks and protoc's own names everywhere).
 */
function asScala(d: Design): Design {
  return { ...d, nodes: d.nodes.map((n) => (n.kind === 'java-spring' ? { ...n, kind: 'scala-http4s' } : n)) };
}

export const everyLinkDesign = (): Design => asScala(javaEveryLink());
export const hostileDesign = (): Design => asScala(javaHostile());

/** The stub context of every Scala service of a design, as the project export builds them. */
export function scalaContexts(design: Design): StubContext[] {
  const all = wireServices(design);
  return all.filter((w) => w.runtime === 'scala-http4s').map((w) => stubContext(design, w, all));
}
