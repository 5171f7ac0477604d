/** Typed REST clients of the services this one calls. Generated: do not edit. */

import type * as models from '../models.js';
import * as config from './config.js';
import { HEADERS, HttpError, method, restDiff, type Answer, type MethodResult } from './exercise.js';

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function seg(value: unknown): string {
  return encodeURIComponent(text(value));
}

function pairs(items: [string, unknown][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of items) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, text(v)]);
  }
  return out;
}


const CLIENTS: Record<string, { exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {

};

/** The typed exercise of an outgoing REST link, by client name. */
export async function restExercise(client: string, timeoutMs?: number): Promise<MethodResult[]> {
  const c = CLIENTS[client];
  return c ? c.exercise(timeoutMs) : [];
}
