import { HTTP_METHODS, type HttpMethod } from '../../catalog/catalog';
import { pascalCase } from '../../model/naming';
import type { HttpEndpoint, HttpParam, HttpResponse, Payload } from '../../model/types';
import { isScalar } from '../../model/typeRefs';
import { idFrom } from '../contracts/ids';
import { isObj, type Obj } from '../documents/parse';
import type { SchemaContext } from '../jsonSchema/context';
import { valueOf } from '../jsonSchema/values';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const OPERATION_KEYS = new Set([
  'operationId',
  'summary',
  'description',
  'parameters',
  'requestBody',
  'responses',
  'deprecated',
]);
const PARAM_KEYS = new Set(['name', 'in', 'required', 'schema', 'description', 'deprecated']);
const JSONISH = /^application\/(.+\+)?json(;.*)?$|^\*\/\*$/i;

/** A `$ref` followed within the bundled document (parameters, bodies and responses may be refs). */
function follow(ctx: SchemaContext, v: unknown, segs: string[]): { value: unknown; segs: string[] } {
  for (let i = 0; i < 10 && isObj(v) && typeof v.$ref === 'string'; i++) {
    const r = ctx.resolve(v.$ref);
    if (!r) break;
    v = r.schema;
    segs = r.segs;
  }
  return { value: v, segs };
}

/** The media type a body is read from: JSON first, else the first one, named in a warning. */
function pickContent(
  ctx: SchemaContext,
  content: unknown,
  segs: string[],
): { type: string; media: Obj; segs: string[] } | undefined {
  if (!isObj(content)) return undefined;
  const types = Object.keys(content);
  const type = types.find((t) => JSONISH.test(t)) ?? types[0];
  if (type === undefined) return undefined;
  const media = content[type];
  const others = types.filter((t) => t !== type);
  if (others.length > 0)
    ctx.warn(segs, `only ${type} is kept; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not.`);
  return isObj(media) ? { type, media, segs: [...segs, type] } : undefined;
}

function payloadOf(ctx: SchemaContext, media: { type: string; media: Obj; segs: string[] }, hint: string): Payload {
  if (!JSONISH.test(media.type))
    ctx.warn(media.segs, `a ${media.type} body is read as JSON-shaped data in the design.`);
  if (media.media.schema === undefined) return { type: /^text\//.test(media.type) ? 'string' : 'bytes' };
  const v = valueOf(ctx, media.media.schema, [...media.segs, 'schema'], hint);
  if (v.map) {
    ctx.warn(media.segs, 'a body that is a map is kept as any JSON object (google.protobuf.Struct).');
    return { type: 'google.protobuf.Struct' };
  }
  return v.repeated ? { type: v.type, repeated: true } : { type: v.type };
}

function paramOf(ctx: SchemaContext, raw: unknown, segs: string[], opName: string): HttpParam | undefined {
  const { value: p, segs: at } = follow(ctx, raw, segs);
  if (!isObj(p) || typeof p.name !== 'string') return undefined;
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') {
    ctx.warn(
      at,
      `the ${String(p.in)} parameter ${p.name} is not imported (only path, query and header parameters are).`,
    );
    return undefined;
  }
  let type = 'string';
  let repeated = false;
  if (p.schema !== undefined) {
    const v = valueOf(ctx, p.schema, [...at, 'schema'], `${opName}${pascalCase(p.name, 'Param')}`);
    const simple = isScalar(v.type) || ctx.types.some((t) => t.id === v.type && t.kind === 'enum');
    if (v.map || !simple) ctx.warn(at, `parameter ${p.name} is not a scalar or an enum; it is kept as a string.`);
    else type = v.type;
    repeated = v.repeated === true && simple;
  } else ctx.warn(at, `parameter ${p.name} has no schema; it is kept as a string.`);
  ctx.dropRest(p, PARAM_KEYS, at);
  const out: HttpParam = { name: p.name, in: p.in, type, required: p.in === 'path' || p.required === true };
  if (repeated) out.repeated = true;
  if (typeof p.description === 'string' && p.description.trim()) out.description = p.description.trim();
  return out;
}

function responsesOf(ctx: SchemaContext, raw: unknown, segs: string[], opName: string): HttpResponse[] {
  if (!isObj(raw)) return [];
  const out: HttpResponse[] = [];
  const statuses = Object.keys(raw);
  const firstOk = statuses.find((s) => /^2/.test(s));
  for (const status of statuses) {
    const { value: r, segs: at } = follow(ctx, raw[status], [...segs, status]);
    if (!isObj(r)) continue;
    const res: HttpResponse = { status };
    if (typeof r.description === 'string' && r.description.trim()) res.description = r.description.trim();
    const error = /^[45]|^default$/i.test(status);
    const content = isObj(r.content) ? r.content : {};
    const problem = Object.keys(content).some((t) => /^application\/problem\+json/i.test(t));
    if (error && problem) {
      const others = Object.keys(content).filter((t) => !/^application\/problem\+json/i.test(t));
      if (others.length > 0)
        ctx.warn(
          [...at, 'content'],
          `only the problem+json error shape is kept; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not.`,
        );
    } else {
      const media = pickContent(ctx, r.content, [...at, 'content']);
      const hint = status === firstOk ? `${opName}Response` : `${opName}${pascalCase(status, 'Default')}Response`;
      if (media) res.body = payloadOf(ctx, media, hint);
    }
    ctx.dropRest(r, new Set(['description', 'content']), at);
    out.push(res);
  }
  return out;
}

/**
 * The endpoints of an OpenAPI document's paths: method, path as written, parameters (path-level
 * ones merged in, undeclared path parameters added as strings), JSON body, responses per status
 * (an error answered with application/problem+json keeps no body: the design's error shape).
 */
export function endpointsOf(ctx: SchemaContext, paths: unknown): HttpEndpoint[] {
  if (!isObj(paths)) return [];
  const out: HttpEndpoint[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const { value: item, segs: itemAt } = follow(ctx, rawItem, ['paths', path]);
    if (!isObj(item)) continue;
    for (const key of Object.keys(item)) {
      if (METHODS.includes(key) || key === 'parameters' || key === 'summary' || key === 'description') continue;
      ctx.drop(key, [...itemAt, key]);
    }
    for (const m of METHODS) {
      const op = item[m];
      if (!isObj(op)) continue;
      const opAt = [...itemAt, m];
      const method = m.toUpperCase();
      if (!(HTTP_METHODS as readonly string[]).includes(method)) {
        ctx.warn(opAt, `${method} operations are not imported (the design has ${HTTP_METHODS.join(', ')}).`);
        continue;
      }
      const opId = typeof op.operationId === 'string' && op.operationId ? op.operationId : undefined;
      const opName = pascalCase(opId ?? `${m} ${path.replace(/[{}]/g, ' ')}`, 'Call');
      const params = new Map<string, HttpParam>();
      for (const [list, at] of [
        [item.parameters, [...itemAt, 'parameters']],
        [op.parameters, [...opAt, 'parameters']],
      ] as const)
        if (Array.isArray(list))
          list.forEach((p, i) => {
            const got = paramOf(ctx, p, [...at, String(i)], opName);
            if (got) params.set(`${got.in}:${got.name}`, got);
          });
      for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1] ?? ''))
        if (!params.has(`path:${name}`)) {
          ctx.warn(opAt, `path parameter ${name} is not declared; it is imported as a required string.`);
          params.set(`path:${name}`, { name, in: 'path', type: 'string', required: true });
        }
      const e: HttpEndpoint = {
        id: idFrom(opId ?? `${method} ${path}`, 'endpoint'),
        method: method as HttpMethod,
        path,
        params: [...params.values()],
        responses: responsesOf(ctx, op.responses, [...opAt, 'responses'], opName),
      };
      if (opId) e.operationId = opId;
      const summary = typeof op.summary === 'string' && op.summary.trim() ? op.summary : op.description;
      if (typeof summary === 'string' && summary.trim()) e.summary = summary.trim();
      if (op.deprecated === true) e.deprecated = true;
      if (op.requestBody !== undefined) {
        const { value: body, segs: bodyAt } = follow(ctx, op.requestBody, [...opAt, 'requestBody']);
        const media = isObj(body) ? pickContent(ctx, body.content, [...bodyAt, 'content']) : undefined;
        if (media) e.body = payloadOf(ctx, media, `${opName}Request`);
        if (isObj(body)) ctx.dropRest(body, new Set(['content', 'description', 'required']), bodyAt);
      }
      ctx.dropRest(op, OPERATION_KEYS, opAt);
      out.push(e);
    }
  }
  return out;
}
