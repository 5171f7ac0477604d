import { RUNTIMES, type RuntimeId } from '../../src/core/catalog/catalog';

/**
 * Runs `fn` as if `runtime` were not converted to the typed contracts yet (its catalog flag off),
 * so the compatibility path a caller keeps for such targets stays tested now that every runtime
 * with a stub is converted.
 */
export function asUnconverted<T>(runtime: RuntimeId, fn: () => T): T {
  const entry = RUNTIMES[runtime] as { typedContracts: boolean };
  const was = entry.typedContracts;
  entry.typedContracts = false;
  try {
    return fn();
  } finally {
    entry.typedContracts = was;
  }
}
