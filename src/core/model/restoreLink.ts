import { isLinkKind } from '../catalog/catalog';
import { linkProblem } from '../ops/ops';
import type { RepairLog } from './repairLog';
import { LIMITS, isObj } from './restoreUtil';
import { TEXT_LIMITS, show } from './text';
import type { DesignLink, DesignNode } from './types';

/**
 * One link from untrusted input, or null (with a warning) when it cannot be used at all. The
 * target's API must be restored first: `uses` names its methods.
 */
export function repairLink(
  raw: unknown,
  i: number,
  byId: ReadonlyMap<string, DesignNode>,
  taken: ReadonlySet<string>,
  log: RepairLog,
): DesignLink | null {
  if (!isObj(raw)) {
    log.add(`Link ${i + 1} was ${show(raw)}, not an object, and was dropped.`);
    return null;
  }
  const id = typeof raw.id === 'string' && raw.id.length <= 100 ? raw.id : '';
  const source = typeof raw.source === 'string' ? byId.get(raw.source) : undefined;
  const target = typeof raw.target === 'string' ? byId.get(raw.target) : undefined;
  if (!id || taken.has(id)) {
    log.add(`Link ${i + 1} had a missing or repeated id (${show(raw.id)}) and was dropped.`);
    return null;
  }
  if (!source || !target || source === target) {
    log.add(
      `Link ${i + 1} (from ${show(raw.source)} to ${show(raw.target)}) did not connect two nodes of the design and was dropped.`,
    );
    return null;
  }
  if (!isLinkKind(raw.kind)) {
    log.add(
      `Link ${i + 1} from ${source.name} to ${target.name} had an unknown kind ${show(raw.kind)} and was dropped.`,
    );
    return null;
  }
  const why = linkProblem(source.kind, target.kind, raw.kind);
  if (why) {
    log.add(`Link from ${source.name} to ${target.name} was dropped: ${why}`);
    return null;
  }
  const where = `the ${raw.kind === 'rest' ? 'REST' : raw.kind === 'grpc' ? 'gRPC' : raw.kind} link ${source.name} → ${target.name}`;
  const link: DesignLink = {
    id,
    kind: raw.kind,
    source: source.id,
    target: target.id,
    topic: log.text(raw.topic, TEXT_LIMITS.topic, `the topic of ${where}`),
  };
  if (raw.uses !== undefined) {
    const methods =
      raw.kind === 'rest'
        ? (target.api?.rest ?? []).map((e) => e.id)
        : raw.kind === 'grpc'
          ? (target.api?.grpc ?? []).flatMap((s) => s.rpcs.map((r) => r.id))
          : null;
    if (!methods || !Array.isArray(raw.uses))
      log.add(
        `The list of methods ${where} uses (${show(raw.uses)}) was removed: ${methods ? 'it was unreadable; it uses all of them' : `a ${raw.kind} link uses no methods`}.`,
      );
    else {
      const known = new Set(methods);
      const uses = [
        ...new Set(raw.uses.slice(0, LIMITS.methodsPerNode).filter((u): u is string => typeof u === 'string')),
      ];
      const kept = uses.filter((u) => known.has(u));
      if (kept.length < raw.uses.length)
        log.add(
          `${raw.uses.length - kept.length} of the methods ${where} uses are not served by ${target.name} (or repeated); they were removed.`,
        );
      link.uses = kept;
    }
  }
  return link;
}
