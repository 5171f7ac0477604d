import { emptyDesign, type Design } from '../../model/types';
import { importAsyncApi } from '../asyncapi';
import { importOpenApi } from '../openapi';
import { importProto } from '../proto';
import { applyImport, noChanges } from './apply';
import { placeBelow } from './place';
import { sortFiles } from './sniff';
import type { ContractImportOptions, ImportSummary, ImporterResult } from './types';

export { applyImport } from './apply';
export { sortFiles, normalPath } from './sniff';
export { referencedFiles } from './references';
export type * from './types';

/** What the app, a worker or the CLI asks for: the files (path → text) and the choices. */
export interface ContractImportRequest {
  files: Record<string, string>;
  options?: ContractImportOptions & {
    /** The design to add to; absent: a new design. Never changed: the result is a new design. */
    into?: Design;
  };
}

/** The answer: plain data, so it crosses a worker boundary as it is. */
export type ContractImportResult =
  | { ok: true; design: Design; warnings: string[]; summary: ImportSummary; sources: string[] }
  | { ok: false; error: string; warnings: string[] };

/**
 * Imports contract files into a design: `.proto` files (all together, imports between them),
 * OpenAPI 3.0/3.1 and AsyncAPI 2.x/3.0 documents (each with the sibling files its `$ref`s name),
 * told apart by name and content. Each contract is read by its importer and added with
 * `applyImport`; the first one that fails fails the whole import and the design given stays as
 * it was. Runs in Node and in a browser worker alike.
 */
export async function importContracts(request: ContractImportRequest): Promise<ContractImportResult> {
  try {
    return await importAll(request);
  } catch (e) {
    // the importers answer every input they know with a message; this is for what they do not
    const why =
      e instanceof RangeError ? 'the contracts are nested too deeply' : e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The import stopped on an unexpected problem: ${why}.`, warnings: [] };
  }
}

async function importAll(request: ContractImportRequest): Promise<ContractImportResult> {
  const options = request.options ?? {};
  const sorted = sortFiles(request.files);
  if (!sorted.ok) return { ok: false, error: sorted.error, warnings: [] };
  const f = sorted.files;
  const parts: { sources: string[]; run: () => ImporterResult | Promise<ImporterResult> }[] = [];
  if (Object.keys(f.proto).length > 0) parts.push({ sources: Object.keys(f.proto), run: () => importProto(f.proto) });
  for (const doc of f.openapi) parts.push({ sources: [doc.path], run: () => importOpenApi(doc, f.docs) });
  for (const doc of f.asyncapi)
    parts.push({ sources: [doc.path], run: () => importAsyncApi(doc, f.docs, f.texts, options.brokerKind) });
  if (parts.length === 0)
    return {
      ok: false,
      error:
        f.docs.size > 0
          ? `No contract among the files: ${[...f.docs.keys()].join(', ')} ${f.docs.size === 1 ? 'is neither an OpenAPI nor an AsyncAPI document' : 'are neither OpenAPI nor AsyncAPI documents'}.`
          : 'No contract to import: give .proto files, OpenAPI or AsyncAPI documents.',
      warnings: [],
    };

  let design: Design | undefined = options.into;
  const warnings: string[] = [];
  const summary = noChanges();
  for (const part of parts) {
    const r = await part.run();
    if (!r.ok) return { ok: false, error: r.error, warnings: [...warnings, ...r.warnings] };
    design ??= emptyDesign(options.project ?? r.imported.project ?? 'imported-contracts');
    const applied = applyImport(design, r.imported, { ...options, place: false });
    if (!applied.ok) return { ok: false, error: applied.error, warnings: [...warnings, ...applied.warnings] };
    design = applied.design;
    for (const w of applied.warnings) if (!warnings.includes(w)) warnings.push(w);
    for (const k of Object.keys(summary) as (keyof ImportSummary)[]) summary[k] += applied.summary[k];
  }
  if (!design) return { ok: false, error: 'Nothing was imported.', warnings };
  // every new node placed at once: services in rows below the existing cards, brokers under them
  const before = new Set((options.into?.nodes ?? []).map((n) => n.id));
  const positions = placeBelow(
    options.into?.nodes ?? [],
    design.nodes.filter((n) => !before.has(n.id)),
  );
  design = {
    ...design,
    nodes: design.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
  return { ok: true, design, warnings, summary, sources: parts.flatMap((p) => p.sources) };
}
