import { awaitImport } from './importer/progress';
import type { Design } from '../core';
import type { ImportSummary } from '../core/importers/contracts';
import { startContractImport, type WorkerFactory } from './importer/runImport';
import type { DesignStoreApi } from './store';

/** Contract files by name: `.proto` files, OpenAPI and AsyncAPI documents (YAML or JSON). */
export const CONTRACT_ACCEPT = '.proto,.yaml,.yml,.json';

/** A file the user picked or dropped, read as text. */
export interface ContractFile {
  name: string;
  text: string;
}

const PROTO_NAME = /\.proto$/i;
/** A top-level `openapi`, `swagger` or `asyncapi` key, in YAML or JSON. */
const CONTRACT_KEY = /^\s*["']?(openapi|swagger|asyncapi)["']?\s*:/m;

/**
 * Whether files are contracts rather than a design or a compose file: any `.proto` file, or a
 * YAML or JSON document with a top-level `openapi`, `swagger` or `asyncapi` key (the files its
 * `$ref`s name may come along, as they do on the command line).
 */
export function areContractFiles(files: readonly ContractFile[]): boolean {
  return files.some((f) => PROTO_NAME.test(f.name) || (/\.(ya?ml|json)$/i.test(f.name) && CONTRACT_KEY.test(f.text)));
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** "2 services, 7 types and 1 broker added; 1 type updated". */
export function summaryText(s: ImportSummary): string {
  const added = [
    s.nodesAdded > 0 ? plural(s.nodesAdded, 'node') : '',
    s.servicesAdded > 0 ? plural(s.servicesAdded, 'gRPC service') : '',
    s.endpointsAdded > 0 ? plural(s.endpointsAdded, 'endpoint') : '',
    s.channelsAdded > 0 ? plural(s.channelsAdded, 'channel') : '',
    s.linksAdded > 0 ? plural(s.linksAdded, 'link') : '',
    s.typesAdded > 0 ? plural(s.typesAdded, 'type') : '',
  ].filter(Boolean);
  const updated = [
    s.servicesUpdated > 0 ? plural(s.servicesUpdated, 'gRPC service') : '',
    s.endpointsUpdated > 0 ? plural(s.endpointsUpdated, 'endpoint') : '',
    s.typesUpdated > 0 ? plural(s.typesUpdated, 'type') : '',
  ].filter(Boolean);
  const parts = [
    added.length > 0 ? `${added.join(', ')} added` : '',
    updated.length > 0 ? `${updated.join(', ')} updated` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'nothing new (the design already had all of it)';
}

/** Whether the design's content (not its camera) is still the one an import started from. */
const sameContent = (a: Design, b: Design) =>
  a.nodes === b.nodes && a.links === b.links && a.types === b.types && a.name === b.name;

/**
 * Imports contract files into the current design (an empty design is replaced, taking the
 * contracts' project name), in a worker. A running import shows a notice with Cancel after half
 * a second. Bad input leaves the design untouched and lists each problem with its file, line and
 * column; a good import is one undo step, and what could not be mapped is listed in a banner.
 * `attachTo` puts the imported API on an existing service node.
 */
export async function importContractFiles(
  store: DesignStoreApi,
  files: readonly ContractFile[],
  opts: { attachTo?: string; makeWorker?: WorkerFactory | null } = {},
): Promise<boolean> {
  const { notify } = store.getState();
  const label = files.length === 1 ? (files[0]?.name ?? 'the file') : `${files.length} files`;
  const start = store.getState().design;
  const empty = start.nodes.length === 0 && start.links.length === 0 && start.types.length === 0;
  const job = startContractImport(
    {
      files: Object.fromEntries(files.map((f) => [f.name, f.text])),
      options: {
        ...(empty ? {} : { into: start }),
        ...(opts.attachTo !== undefined && !empty ? { attachTo: opts.attachTo } : {}),
      },
    },
    opts.makeWorker,
  );
  const outcome = await awaitImport(store, job, label, 'The contracts are');
  if (outcome === null) return false;
  if (!outcome.ok) {
    notify({
      tone: 'error',
      placement: 'banner',
      title: `Could not import ${label}`,
      text: 'Nothing was imported; your current design was not changed.',
      details: [...outcome.error.split('\n').filter((l) => l.trim() !== ''), ...outcome.warnings],
    });
    return false;
  }
  if (!sameContent(store.getState().design, start)) {
    notify({
      tone: 'error',
      placement: 'toast',
      title: `Import of ${label} not applied`,
      text: 'The design changed while the contracts were read; import them again to add them to it.',
    });
    return false;
  }
  store.getState().loadDesign(outcome.design, 'fit');
  const title = `Imported ${label}: ${summaryText(outcome.summary)}`;
  if (outcome.warnings.length > 0)
    notify({
      tone: 'warning',
      placement: 'banner',
      title,
      text: `${plural(outcome.warnings.length, 'thing')} could not be mapped as ${outcome.warnings.length === 1 ? 'it was' : 'they were'} (Undo brings your previous design back):`,
      details: outcome.warnings,
    });
  else
    notify({
      tone: 'info',
      placement: 'toast',
      title,
      text: 'Everything in the contracts was mapped. Undo brings your previous design back.',
    });
  return true;
}
