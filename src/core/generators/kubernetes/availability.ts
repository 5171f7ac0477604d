import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { labels, namespaceOf, objectMeta, selector } from './meta';

/**
 * What keeps a replicated workload available: its pods spread over nodes (preferred, so a
 * one-node development cluster still schedules them all) and a PodDisruptionBudget that lets a
 * drain take one pod at a time. A single replica gets neither: a budget would block every drain.
 */

/** Whether a workload runs more than one pod. */
export function replicated(replicas: number): boolean {
  return replicas > 1;
}

/** Anti-affinity spreading the pods of a node over hosts. */
export function spread(design: Design, node: DesignNode): IAffinity {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          podAffinityTerm: {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchLabels: selector(design, node) },
          },
        },
      ],
    },
  };
}

/** The budget of a replicated workload: at most one pod away at a time. */
export function disruptionBudget(design: Design, node: DesignNode): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(namespaceOf(design, node), dnsLabel(node.name), labels(design, node)),
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(design, node) } },
  };
}
