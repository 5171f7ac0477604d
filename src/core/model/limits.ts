import type { ResourceLimits } from './types';

/**
 * The resource limits a node may carry (`DesignNode.limits`): validated on every load, so the
 * generators can trust them.
 */

/** The largest CPU limit, in cores, and memory limit, in MiB, a design may set. */
export const MAX_CPU = 256;
export const MAX_MEMORY_MIB = 1024 * 1024;

/** Why a CPU limit is unusable, or null: cores, a multiple of 0.001 (Kubernetes' millicore). */
export function cpuProblem(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_CPU)
    return `a CPU limit is a number of cores above 0 and at most ${MAX_CPU}`;
  if (Math.abs(v * 1000 - Math.round(v * 1000)) > 1e-6) return 'a CPU limit has at most three decimals (millicores)';
  return null;
}

/** Why a memory limit is unusable, or null: whole MiB, at least 4. */
export function memoryProblem(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 4 || v > MAX_MEMORY_MIB)
    return `a memory limit is a whole number of MiB from 4 to ${MAX_MEMORY_MIB}`;
  return null;
}

/**
 * The limits of a loaded node: each valid one kept, each other one dropped with a warning that
 * names the node and the reason. Undefined when none is left.
 */
export function repairLimits(raw: unknown, name: string, warnings: string[]): ResourceLimits | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    warnings.push(`The resource limits of ${name} were removed: they are an object with "cpu" and "memoryMiB".`);
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const out: ResourceLimits = {};
  if (r.cpu !== undefined) {
    const why = cpuProblem(r.cpu);
    if (why) warnings.push(`The CPU limit of ${name} was removed: ${why}.`);
    else out.cpu = r.cpu as number;
  }
  if (r.memoryMiB !== undefined) {
    const why = memoryProblem(r.memoryMiB);
    if (why) warnings.push(`The memory limit of ${name} was removed: ${why}.`);
    else out.memoryMiB = r.memoryMiB as number;
  }
  const unknown = Object.keys(r).filter((k) => k !== 'cpu' && k !== 'memoryMiB');
  if (unknown.length)
    warnings.push(`The resource limits of ${name} had unknown keys, dropped: ${unknown.slice(0, 5).join(', ')}.`);
  return out.cpu === undefined && out.memoryMiB === undefined ? undefined : out;
}
