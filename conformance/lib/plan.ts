import { isInfra, isRuntime, LINK_KINDS } from '../../src/core/catalog/catalog';
import { topicName } from '../../src/core/model/naming';
import type { Design, DesignNode } from '../../src/core/model/types';
import { dependencies, wireServices, type Resolver, type ServiceWiring } from '../../src/core/model/wiring';
import { isNativeInfra, type NativeInfra } from '../infra/types';
import { freePorts } from '../infra/proc';

/** How one design runs natively: ports, what to start, in which order, whom to ping. */
export interface Plan {
  design: Design;
  services: ServiceWiring[];
  /** Every node on 127.0.0.1 with fresh ports, in place of compose's DNS names. */
  resolver: Resolver;
  /** Brokers and databases that some link uses and that can run natively. */
  infra: (DesignNode & { kind: NativeInfra })[];
  /** Infrastructure a link uses that does not run natively here, with the reason. */
  infraDown: Map<string, string>;
  /** Kafka topics to create before services start, by broker node id. */
  kafkaTopics: Map<string, string[]>;
  /** Services nobody calls synchronously: where `/ping` starts. */
  entries: ServiceWiring[];
  /** Services that subscribe to something: their `/ping` shows what they received. */
  consumers: ServiceWiring[];
  /** Services in start order: each wave only after the waves it depends on are healthy. */
  waves: ServiceWiring[][];
}

/** Plans a native run of `design`, picking free ports for every node. */
export async function makePlan(design: Design): Promise<Plan> {
  const services = wireServices(design);
  const ports = await freePorts(design.nodes.length * 2);
  const native = new Map<string, [number, number]>();
  design.nodes.forEach((n, i) => native.set(n.id, [ports[2 * i] ?? 0, ports[2 * i + 1] ?? 0]));
  const resolver: Resolver = {
    host: () => '127.0.0.1',
    port: (n) => native.get(n.id)?.[0] ?? n.port,
    grpcPort: (n) => native.get(n.id)?.[1] ?? n.grpcPort,
  };

  const used = new Set(design.links.flatMap((l) => [l.source, l.target]));
  const infra: Plan['infra'] = [];
  const infraDown = new Map<string, string>();
  for (const n of design.nodes) {
    if (!isInfra(n.kind) || !used.has(n.id)) continue;
    if (isNativeInfra(n.kind)) infra.push(n as DesignNode & { kind: NativeInfra });
    else infraDown.set(n.id, `${n.kind} is not run natively by the conformance run`);
  }

  const kafkaTopics = new Map<string, string[]>();
  for (const l of design.links) {
    if (l.kind !== 'queue') continue;
    for (const id of [l.source, l.target]) {
      const b = design.nodes.find((n) => n.id === id);
      if (b?.kind !== 'kafka') continue;
      const list = kafkaTopics.get(b.id) ?? [];
      const t = topicName(l.topic);
      if (!list.includes(t)) list.push(t);
      kafkaTopics.set(b.id, list);
    }
  }

  const calledSync = new Set(
    design.links
      .filter((l) => LINK_KINDS[l.kind].sync && design.nodes.some((n) => n.id === l.source && isRuntime(n.kind)))
      .map((l) => l.target),
  );
  const uncalled = services.filter((w) => !calledSync.has(w.node.id));
  return {
    design,
    services,
    resolver,
    infra,
    infraDown,
    kafkaTopics,
    entries: uncalled.length > 0 ? uncalled : services,
    consumers: services.filter((w) => w.subscribes.length > 0),
    waves: startWaves(design, services),
  };
}

/**
 * Orders services the way compose's `depends_on: service_healthy` does: a service starts once
 * the services it calls are healthy. A cycle (which compose would refuse) starts together.
 */
export function startWaves(design: Design, services: ServiceWiring[]): ServiceWiring[][] {
  const ids = new Set(services.map((w) => w.node.id));
  const deps = new Map(
    services.map((w) => [
      w.node.id,
      dependencies(design, w.node)
        .filter((d) => ids.has(d.id))
        .map((d) => d.id),
    ]),
  );
  const done = new Set<string>();
  const waves: ServiceWiring[][] = [];
  let left = services;
  while (left.length > 0) {
    let wave = left.filter((w) => (deps.get(w.node.id) ?? []).every((d) => done.has(d)));
    if (wave.length === 0) wave = left;
    waves.push(wave);
    for (const w of wave) done.add(w.node.id);
    left = left.filter((w) => !done.has(w.node.id));
  }
  return waves;
}
