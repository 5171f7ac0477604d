import { upgrade, validate } from '@scalar/openapi-parser';
import { dnsLabel } from '../../model/naming';
import { Warnings } from '../contracts/text';
import type { ImportedService, ImporterResult } from '../contracts/types';
import { bundleDocs } from '../documents/bundle';
import { isObj, pointerOf, type Obj, type ParsedDoc } from '../documents/parse';
import { SchemaContext } from '../jsonSchema/context';
import { valueOf } from '../jsonSchema/values';
import { endpointsOf } from './operations';

const ROOT_KEYS = new Set(['openapi', 'info', 'paths', 'components', 'x-ext', 'x-ext-urls', 'jsonSchemaDialect']);
const COMPONENTS_KEPT = new Set(['schemas', 'parameters', 'requestBodies', 'responses']);

/** Validates with @scalar/openapi-parser (the official schemas); errors name their place. */
async function check(root: Obj, where: (p: string) => string): Promise<string | undefined> {
  const v = await validate(structuredClone(root));
  if (v.valid) return undefined;
  const lines = (v.errors ?? []).slice(0, 10).map((e) => {
    const path = Array.isArray(e.path) ? pointerOf(e.path) : (e.path ?? '');
    return `${where(path || '#')}: ${e.message}`;
  });
  return `The OpenAPI document is not valid:\n${lines.join('\n')}`;
}

/**
 * Imports one OpenAPI 3.0 or 3.1 document (`entry`, with the sibling files it references) as the
 * REST API of one service: its paths become endpoints, its schemas design types owned by the
 * service. Refs are bundled with @scalar/json-magic, the document validated and brought to 3.1 with
 * @scalar/openapi-parser, offline. What the design cannot hold is named with its place.
 */
export async function importOpenApi(entry: ParsedDoc, docs: ReadonlyMap<string, ParsedDoc>): Promise<ImporterResult> {
  const warnings = new Warnings();
  const value = entry.value;
  if (!isObj(value)) return { ok: false, error: `${entry.path}: not an OpenAPI document.`, warnings: [] };
  if (value.swagger !== undefined)
    return {
      ok: false,
      error: `${entry.path}: Swagger ${String(value.swagger)} is not imported; convert it to OpenAPI 3 first.`,
      warnings: [],
    };
  const version = String(value.openapi ?? '');
  if (!/^3\.[0-2](\.\d+)?/.test(version))
    return {
      ok: false,
      error: `${entry.path}: OpenAPI ${version || '(no version)'} is not imported; 3.0 and 3.1 are.`,
      warnings: [],
    };
  if (version.startsWith('3.2')) warnings.add(`${entry.path}: OpenAPI ${version} is read as 3.1.`);

  const b = await bundleDocs(entry, docs);
  if (!b.ok) return { ok: false, error: b.error, warnings: warnings.all() };
  const { bundled } = b;
  const invalid = await check(bundled.root, bundled.where);
  if (invalid) return { ok: false, error: invalid, warnings: warnings.all() };
  const root = version.startsWith('3.0')
    ? ((upgrade(structuredClone(bundled.root)).specification ?? bundled.root) as Obj)
    : bundled.root;

  const info = isObj(root.info) ? root.info : {};
  const title =
    typeof info.title === 'string' && info.title.trim()
      ? info.title.trim()
      : entry.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const key = entry.path;
  const ctx = new SchemaContext(
    { ...bundled, root },
    { idPrefix: dnsLabel(title, 'api'), owner: key, warn: (w) => warnings.add(w) },
  );
  const components = isObj(root.components) ? root.components : {};
  const schemas = isObj(components.schemas) ? components.schemas : {};
  for (const name of Object.keys(schemas))
    valueOf(ctx, { $ref: pointerOf(['components', 'schemas', name]) }, ['components', 'schemas', name], name);
  const rest = endpointsOf(ctx, root.paths);

  for (const k of Object.keys(root)) if (!ROOT_KEYS.has(k)) ctx.drop(k, [k]);
  for (const [k, v] of Object.entries(components))
    if (!COMPONENTS_KEPT.has(k) && isObj(v) && Object.keys(v).length > 0)
      ctx.drop(`components/${k}`, ['components', k]);
  ctx.flush();
  const service: ImportedService = { key, name: dnsLabel(title, 'api'), grpc: [], rest, source: entry.path };
  if (typeof info.description === 'string' && info.description.trim()) service.description = info.description.trim();
  return {
    ok: true,
    imported: {
      types: ctx.types,
      services: [service],
      brokers: [],
      links: [],
      warnings: warnings.all(),
      project: dnsLabel(title, 'api'),
    },
  };
}
