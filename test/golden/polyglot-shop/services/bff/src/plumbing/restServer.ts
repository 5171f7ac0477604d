/**
 * The service's REST endpoints. Generated: do not edit; the bodies live in src/handlers.ts.
 *
 * Each route reads the path, query and header parameters and the JSON body as the contract types
 * them (400 for a parameter that does not fit, 422 for a body), answers an exercise call (header
 * `polyglot-exercise`) with the sample after checking the request, else calls the handler. Errors
 * are RFC 9457 application/problem+json.
 */

import type { Express, NextFunction, Request, Response } from 'express';
import * as handlers from '../handlers.js';
import * as models from '../models.js';
import { HEADER, Problem, jsonDiff } from './exercise.js';

interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  from: string;
  kind: string;
  required: boolean;
  repeated: boolean;
  sample: unknown;
}

interface Route {
  label: string;
  params: ParamSpec[];
  body: { kind: string; repeated: boolean; sample: unknown } | null;
  status: number;
  answer: unknown;
  handler: (a: { params: Record<string, unknown>; body: unknown }) => Promise<unknown>;
}

/** Sends a problem (RFC 9457). */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.body()));
}

/** A value of a kind, checked: throws with what does not fit. */
export function conform(kind: string, v: unknown, where: string): unknown {
  const bad = (what: string) => new Error(`${where}: ${what}, got ${JSON.stringify(v)?.slice(0, 80)}`);
  if (kind === 'string') {
    if (typeof v !== 'string') throw bad('expected a string');
    return v;
  }
  if (kind === 'int') {
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw bad('expected an integer');
    return n;
  }
  if (kind === 'float') {
    if (typeof v !== 'number' && !(typeof v === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(v))) throw bad('expected a number');
    return v;
  }
  if (kind === 'bool') {
    if (typeof v !== 'boolean') throw bad('expected true or false');
    return v;
  }
  if (kind === 'object') {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('expected an object');
    return v;
  }
  if (kind === 'array') {
    if (!Array.isArray(v)) throw bad('expected a list');
    return v;
  }
  if (kind.startsWith('enum:')) {
    const values = models.ENUMS[kind.slice(5)] ?? [];
    if (typeof v !== 'string' || !values.includes(v)) throw bad(`expected one of ${values.join(', ')}`);
    return v;
  }
  if (kind.startsWith('msg:')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('expected an object');
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, k, card] of models.MESSAGES[kind.slice(4)] ?? []) {
      const x = src[key];
      if (x === undefined || x === null) continue;
      const at = `${where}.${key}`;
      if (card === 'repeated') {
        if (!Array.isArray(x)) throw new Error(`${at}: expected a list`);
        out[key] = x.map((y, i) => conform(k, y, `${at}[${i}]`));
      } else if (card === 'map') {
        if (typeof x !== 'object' || Array.isArray(x)) throw new Error(`${at}: expected an object`);
        out[key] = Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([mk, y]) => [mk, conform(k, y, `${at}.${mk}`)]));
      } else out[key] = conform(k, x, at);
    }
    return out;
  }
  return v;
}

function parseParam(raw: string, spec: ParamSpec): unknown {
  let v: unknown = raw;
  if (spec.kind === 'int' || spec.kind === 'float') v = raw.trim() === '' ? raw : Number(raw);
  else if (spec.kind === 'bool') v = ['true', '1'].includes(raw.toLowerCase()) ? true : ['false', '0'].includes(raw.toLowerCase()) ? false : raw;
  else if (spec.kind.startsWith('msg:') || spec.kind === 'object' || spec.kind === 'array') {
    try {
      v = JSON.parse(raw);
    } catch {
      throw new Problem(400, `parameter ${spec.name}: ${JSON.stringify(raw)} is not JSON`);
    }
  }
  try {
    return conform(spec.kind, v, `parameter ${spec.name}`);
  } catch (err) {
    throw new Problem(400, err instanceof Error ? err.message : String(err));
  }
}

function readParam(req: Request, spec: ParamSpec): unknown {
  let raws: string[];
  if (spec.in === 'path') raws = [String(req.params[spec.from] ?? '')];
  else if (spec.in === 'header') {
    const h = req.get(spec.from);
    raws = h === undefined ? [] : spec.repeated ? h.split(',').map((s) => s.trim()) : [h];
  } else {
    const q = req.query[spec.from];
    raws = q === undefined ? [] : (Array.isArray(q) ? q : [q]).map((x) => String(x));
  }
  if (spec.repeated) return raws.map((r) => parseParam(r, spec));
  const first = raws[0];
  if (first === undefined) {
    if (spec.required) throw new Problem(400, `parameter ${spec.name} is required`);
    return undefined;
  }
  return parseParam(first, spec);
}

function readBody(req: Request, spec: NonNullable<Route['body']>): unknown {
  const raw: unknown = req.body;
  if (raw === undefined || raw === null) return undefined;
  try {
    if (spec.repeated) {
      if (!Array.isArray(raw)) throw new Error('body: expected a list');
      return raw.map((x, i) => conform(spec.kind, x, `body[${i}]`));
    }
    return conform(spec.kind, raw, 'body');
  } catch (err) {
    throw new Problem(422, `the body does not fit the contract: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function serve(app: Express, method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options', path: string, route: Route): void {
  app[method](path, async (req: Request, res: Response) => {
    try {
      const params: Record<string, unknown> = {};
      for (const spec of route.params) params[spec.name] = readParam(req, spec);
      const body = route.body ? readBody(req, route.body) : undefined;
      let answer: unknown;
      if (req.get(HEADER)) {
        const expected: Record<string, unknown> = {};
        for (const spec of route.params) expected[spec.name] = spec.sample;
        const got: Record<string, unknown> = { ...params };
        if (route.body) {
          expected['body'] = route.body.sample;
          got['body'] = body;
        }
        const problem = jsonDiff(expected, got);
        if (problem !== null) throw new Problem(422, `${route.label}: the request differs from the sample: ${problem}`);
        answer = route.answer;
      } else answer = await route.handler({ params, body });
      if (answer === null || answer === undefined) res.status(route.status).end();
      else res.status(route.status).json(answer);
    } catch (err) {
      if (err instanceof Problem) sendProblem(res, err);
      else {
        console.error(`${route.label} failed:`, err);
        sendProblem(res, new Problem(500, err instanceof Error ? err.message : String(err)));
      }
    }
  });
}

/** Adds the own endpoints to the app, and the problem+json answer of a body that is not JSON. */
export function addRoutes(app: Express): void {
  // GET /api/cart
  serve(app, "get", "/api/cart", {
    label: "GET /api/cart",
    params: [],
    body: null,
    status: 200,
    answer: {"items":1,"total":2.5},
    handler: (a) => handlers.getApiCart(),
  });
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 500;
    sendProblem(res, new Problem(status === 400 ? 400 : status, err instanceof Error ? err.message : String(err)));
  });
}
