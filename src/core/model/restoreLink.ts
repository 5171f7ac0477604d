import { FIELD_TYPES, HTTP_METHODS, isLinkKind, type FieldType, type HttpMethod } from '../catalog/catalog';
import { linkProblem } from '../ops/ops';
import { plural, pluralWas, upper, type RepairLog } from './repairLog';
import { LIMITS, isObj } from './restoreNode';
import { TEXT_LIMITS, show } from './text';
import type { DesignLink, DesignNode, Endpoint, Field, Rpc } from './types';

/** One link from untrusted input, or null (with a warning) when it cannot be used at all. */
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
  return {
    id,
    kind: raw.kind,
    source: source.id,
    target: target.id,
    endpoints: repairEndpoints(raw.endpoints, where, log),
    rpcs: repairRpcs(raw.rpcs, where, log),
    topic: log.text(raw.topic, TEXT_LIMITS.topic, `the topic of ${where}`),
    message: repairFields(raw.message, `the message of ${where}`, log),
  };
}

function repairEndpoints(raw: unknown, where: string, log: RepairLog): Endpoint[] {
  const dropped = log.tally((n) => `${upper(where)}: ${pluralWas(n, 'endpoint')} dropped`);
  const out: Endpoint[] = [];
  log.list(raw, LIMITS.fieldsPerList, `the endpoints of ${where}`).forEach((x, i) => {
    if (!isObj(x)) return dropped.note(`entry ${i + 1} (${show(x)}, not an object)`);
    if (typeof x.path !== 'string') return dropped.note(`entry ${i + 1} (its path ${show(x.path)} is not a text)`);
    let method: HttpMethod = 'GET';
    if ((HTTP_METHODS as readonly unknown[]).includes(x.method)) method = x.method as HttpMethod;
    else if (x.method !== undefined)
      log.add(`The method of the endpoint ${show(x.path)} of ${where} was ${show(x.method)}; it is now GET.`);
    const path = log.text(x.path, TEXT_LIMITS.path, `the path ${show(x.path)} of ${where}`);
    const at = `${method} ${show(path)} of ${where}`;
    out.push({
      method,
      path,
      request: repairFields(x.request, `the request of ${at}`, log),
      response: repairFields(x.response, `the response of ${at}`, log),
    });
  });
  dropped.flush();
  return out;
}

function repairRpcs(raw: unknown, where: string, log: RepairLog): Rpc[] {
  const dropped = log.tally((n) => `${upper(where)}: ${pluralWas(n, 'RPC')} dropped`);
  const out: Rpc[] = [];
  log.list(raw, LIMITS.fieldsPerList, `the RPCs of ${where}`).forEach((x, i) => {
    if (!isObj(x)) return dropped.note(`entry ${i + 1} (${show(x)}, not an object)`);
    if (typeof x.name !== 'string' || x.name === '')
      return dropped.note(`entry ${i + 1} (its name ${show(x.name)} is not a text)`);
    const name = log.text(x.name, TEXT_LIMITS.name, `the RPC name ${show(x.name)} of ${where}`);
    out.push({
      name,
      request: repairFields(x.request, `the request of ${name} on ${where}`, log),
      response: repairFields(x.response, `the response of ${name} on ${where}`, log),
    });
  });
  dropped.flush();
  return out;
}

/** A list of typed fields; `where` names the list ("the request of GET "/a" of the REST link a → b"). */
function repairFields(raw: unknown, where: string, log: RepairLog): Field[] {
  const dropped = log.tally((n) => `${upper(where)}: ${pluralWas(n, 'field')} dropped`);
  const retyped = log.tally(
    (n) => `${upper(where)}: ${plural(n, 'field')} had an unknown type and became ${n === 1 ? 'a string' : 'strings'}`,
  );
  const out: Field[] = [];
  log.list(raw, LIMITS.fieldsPerList, `the fields of ${where}`).forEach((x, i) => {
    if (!isObj(x)) return dropped.note(`entry ${i + 1} (${show(x)}, not an object)`);
    if (typeof x.name !== 'string' || x.name === '')
      return dropped.note(`entry ${i + 1} (its name ${show(x.name)} is not a text)`);
    const name = log.text(x.name, TEXT_LIMITS.name, `the field name ${show(x.name)} in ${where}`);
    let type: FieldType = 'string';
    if ((FIELD_TYPES as readonly unknown[]).includes(x.type)) type = x.type as FieldType;
    else if (x.type !== undefined) retyped.note(`${name} (was ${show(x.type)})`);
    out.push({ name, type });
  });
  dropped.flush();
  retyped.flush();
  return out;
}
