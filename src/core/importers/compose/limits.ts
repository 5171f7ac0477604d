import { cpuProblem, memoryProblem } from '../../model/limits';
import type { ResourceLimits } from '../../model/types';
import { isObj, type Obj } from './parse';

const UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** A compose byte value (`512m`, `1g`, `268435456`) in MiB, rounded up; null when unreadable. */
export function mebibytes(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return Math.ceil(v / 1024 ** 2);
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  const unit = UNITS[(m?.[2] ?? '').toLowerCase() || 'b'];
  if (!m || unit === undefined) return null;
  return Math.ceil((Number(m[1]) * unit) / 1024 ** 2);
}

/**
 * The CPU and memory limits of a compose service: `deploy.resources.limits` (or the version 2
 * `cpus` and `mem_limit`), as the design's limits. A value the design cannot hold is left out
 * with a warning that names the service.
 */
export function readLimits(name: string, svc: Obj, warn: (m: string) => void): ResourceLimits | null {
  const deploy = isObj(svc.deploy) ? svc.deploy : {};
  const resources = isObj(deploy.resources) ? deploy.resources : {};
  const limits = isObj(resources.limits) ? resources.limits : {};
  const cpus = limits.cpus ?? svc.cpus;
  const memory = limits.memory ?? svc.mem_limit;
  const out: ResourceLimits = {};
  if (cpus !== undefined) {
    const cores = typeof cpus === 'string' ? Number(cpus) : cpus;
    const rounded = typeof cores === 'number' ? Math.round(cores * 1000) / 1000 : cores;
    const why = cpuProblem(rounded);
    if (why) warn(`${name}: the CPU limit ${String(cpus)} was left out: ${why}.`);
    else out.cpu = rounded as number;
  }
  if (memory !== undefined) {
    const mib = mebibytes(memory);
    const why = mib === null ? 'it is not a size such as 512m or 1g' : memoryProblem(mib);
    if (why) warn(`${name}: the memory limit ${String(memory)} was left out: ${why}.`);
    else out.memoryMiB = mib ?? undefined;
  }
  return out.cpu === undefined && out.memoryMiB === undefined ? null : out;
}
