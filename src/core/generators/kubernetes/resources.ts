import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { DesignNode } from '../../model/types';

/**
 * Requests and limits of CPU, memory and ephemeral storage for every container. The defaults fit
 * a stub or a single-node broker in development; the design's own limits (`node.limits`) replace
 * the CPU and memory limits, and the requests never exceed them.
 */

export type ResourceProfile = 'service' | 'infra' | 'edge' | 'job';

interface Amounts {
  cpu: [number, number];
  memoryMiB: [number, number];
  storageMiB: [number, number];
}

const DEFAULTS: Record<ResourceProfile, Amounts> = {
  service: { cpu: [0.05, 1], memoryMiB: [64, 512], storageMiB: [64, 512] },
  infra: { cpu: [0.1, 1], memoryMiB: [128, 1024], storageMiB: [64, 1024] },
  edge: { cpu: [0.02, 0.5], memoryMiB: [32, 128], storageMiB: [32, 256] },
  job: { cpu: [0.05, 0.5], memoryMiB: [128, 512], storageMiB: [32, 256] },
};

/** Cores as Kubernetes writes them: whole cores as a number string, else millicores. */
export function cpuQuantity(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const mi = (n: number) => `${n}Mi`;

/** The resources of a container of `node` (the design's limits applied) with this profile. */
export function containerResources(node: DesignNode | null, profile: ResourceProfile): IResourceRequirements {
  const d = DEFAULTS[profile];
  const cpuLimit = node?.limits?.cpu ?? d.cpu[1];
  const memLimit = node?.limits?.memoryMiB ?? d.memoryMiB[1];
  return {
    requests: {
      cpu: cpuQuantity(Math.min(d.cpu[0], cpuLimit)),
      memory: mi(Math.min(d.memoryMiB[0], memLimit)),
      'ephemeral-storage': mi(d.storageMiB[0]),
    },
    limits: { cpu: cpuQuantity(cpuLimit), memory: mi(memLimit), 'ephemeral-storage': mi(d.storageMiB[1]) },
  };
}
