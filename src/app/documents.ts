import { awaitImport } from './importer/progress';
import { dnsLabel, emptyDesign, restoreText, type Design } from '../core';
import { serializeDesign } from './persistence';
import { areContractFiles, importContractFiles, type ContractFile } from './contractImport';
import type { ManifestFile } from './importer/protocol';
import { startImport, startManifestImport, type ImportJob, type WorkerFactory } from './importer/runImport';
import type { DesignStoreApi } from './store';

/** Whole-document actions of the top bar: New, Open and Save. */

/** Largest design file we try to read; anything bigger is surely not a design. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** `<project>.json`, with the project name made safe for every file system. */
export function designFileName(design: Design): string {
  return `${dnsLabel(design.name, 'design')}.json`;
}

export function isEmptyDesign(design: Design): boolean {
  return design.nodes.length === 0 && design.links.length === 0;
}

/** Starts over with an empty design (the caller asks first when there is work to lose). */
export function newDesign(store: DesignStoreApi): void {
  store.getState().loadDesign(emptyDesign());
}

/**
 * Opens design text. A bad or foreign file leaves the current design untouched and shows why;
 * repairs that restore() had to make are listed in a notice the user can dismiss.
 */
export function openDesignText(
  store: DesignStoreApi,
  text: string,
  fileName: string,
  /** Completes the restored design (a project's secret values from its .env), with warnings. */
  complete?: (design: Design) => { design: Design; warnings: string[] },
): boolean {
  const { notify, loadDesign } = store.getState();
  const r = restoreText(text);
  if (!r.ok) {
    notify({
      tone: 'error',
      placement: 'toast',
      title: `Could not open ${fileName}`,
      text: `${r.error} Your current design was not changed.`,
    });
    return false;
  }
  const done = complete?.(r.design);
  loadDesign(done?.design ?? r.design);
  if (r.warnings.length > 0) {
    notify({
      tone: 'warning',
      placement: 'banner',
      title: `${fileName} was opened with repairs`,
      text: 'Some parts of the file could not be used as they were:',
      details: r.warnings,
    });
  }
  if (done && done.warnings.length > 0) {
    notify({
      tone: 'warning',
      placement: 'banner',
      title: `${fileName} was opened without some of its values`,
      text: done.warnings.join(' '),
    });
  }
  return true;
}

/** Whether a file name is a compose file's (`compose.yaml`, `docker-compose.yml`, any .yaml/.yml). */
export function isComposeFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** What Open and a drop accept: designs, compose files, exported project zips, contracts. */
export const OPEN_ACCEPT = '.json,application/json,.yaml,.yml,.zip,application/zip,.proto';

/** How long an import runs before its notice (with Cancel) shows. */
export { IMPORT_NOTICE_MS } from './importer/progress';

/**
 * Imports compose text as a new design (undoable like Open), in a worker so that the page stays
 * responsive. An import that takes longer than half a second shows a notice with Cancel, which
 * ends the worker and leaves the design untouched. A file that is not compose (or that passes an
 * import limit) leaves the current design untouched and says why; what could not be mapped is
 * listed in a banner.
 */
export async function importComposeText(
  store: DesignStoreApi,
  text: string,
  fileName: string,
  makeWorker?: WorkerFactory | null,
): Promise<boolean> {
  // manifests (apiVersion and kind, no services) go to the Kubernetes importer
  const importer = looksLikeManifests(text) ? 'kubernetes' : 'compose';
  return finishImport(store, startImport(importer, text, fileName, makeWorker), fileName);
}

/**
 * Imports a folder of Kubernetes manifests (or several manifest files chosen together) as a new
 * design, as `importComposeText` does a file: a kustomization's resources when the folder has
 * one, every manifest file otherwise. `label` is the folder's name.
 */
export async function importManifestFiles(
  store: DesignStoreApi,
  files: ManifestFile[],
  label: string,
  makeWorker?: WorkerFactory | null,
): Promise<boolean> {
  return finishImport(store, startManifestImport(files, label, makeWorker), label);
}

/** Waits for an import (notice and Cancel after half a second) and loads its design, or says why not. */
async function finishImport(store: DesignStoreApi, job: ImportJob, fileName: string): Promise<boolean> {
  const { notify } = store.getState();
  const outcome = await awaitImport(store, job, fileName, 'The file is');
  if (outcome === null) return false;
  if (!outcome.ok) {
    notify({
      tone: 'error',
      placement: 'toast',
      title: `Could not import ${fileName}`,
      text: `${outcome.error} Your current design was not changed.`,
      ...(outcome.warnings.length > 0 ? { details: outcome.warnings } : {}),
    });
    return false;
  }
  // An imported file has no camera of its own: frame the whole design.
  store.getState().loadDesign(outcome.design, 'fit');
  const n = outcome.design.nodes.length;
  const l = outcome.design.links.length;
  const title = `Imported ${fileName}: ${n} node${n === 1 ? '' : 's'}, ${l} link${l === 1 ? '' : 's'}`;
  if (outcome.warnings.length > 0)
    notify({
      tone: 'warning',
      placement: 'banner',
      title,
      text: `${outcome.warnings.length} thing${outcome.warnings.length === 1 ? '' : 's'} could not be mapped as they were (Undo brings your previous design back):`,
      details: outcome.warnings,
    });
  else
    notify({
      tone: 'info',
      placement: 'toast',
      title,
      text: 'Every service was mapped. Undo brings your previous design back.',
    });
  return true;
}

/** Files of a picked folder that a kustomization may read: manifests, env and config files. */
const FOLDER_FILE = /(\.(ya?ml|json|env|properties|conf|txt)|(^|\/)Kustomization)$/i;

/**
 * Reads a folder the user picked (an `<input webkitdirectory>`'s files) and imports its
 * Kubernetes manifests. Hidden folders and node_modules are left out; a folder too large to be
 * manifests is refused with a message.
 */
export async function importManifestFolder(store: DesignStoreApi, picked: readonly File[]): Promise<boolean> {
  const relative = (f: File) => (f.webkitRelativePath || f.name).split('/');
  const label = relative(picked[0] ?? new File([], 'manifests'))[0] || 'manifests';
  const chosen = picked.filter((f) => {
    const parts = relative(f).slice(1);
    return FOLDER_FILE.test(f.name) && !parts.some((p) => p.startsWith('.') || p === 'node_modules');
  });
  const fail = (text: string) => {
    store.getState().notify({ tone: 'error', placement: 'toast', title: `Could not import ${label}`, text });
    return false;
  };
  const size = chosen.reduce((n, f) => n + f.size, 0);
  if (size > MAX_FILE_BYTES)
    return fail('The folder holds too much to be Kubernetes manifests. Your current design was not changed.');
  if (chosen.length === 0)
    return fail('The folder holds no .yaml, .yml or .json file. Your current design was not changed.');
  const files: ManifestFile[] = [];
  for (const f of chosen) {
    try {
      files.push({ name: relative(f).slice(1).join('/') || f.name, text: await f.text() });
    } catch (e) {
      return fail(`${f.name} could not be read (${String(e)}). Your current design was not changed.`);
    }
  }
  return importManifestFiles(store, files, label);
}

/**
 * Reads a file the user picked or dropped and opens it: a design, an exported project zip (its
 * design), or a compose file to import.
 */
export async function openDesignFile(store: DesignStoreApi, file: File): Promise<boolean> {
  const notifyError = (text: string) =>
    store.getState().notify({ tone: 'error', placement: 'toast', title: `Could not open ${file.name}`, text });
  const project = await import('./projectOpen');
  if (await project.isZipFile(file)) return project.openProjectZip(store, file);
  if (file.size > MAX_FILE_BYTES) {
    notifyError('The file is too large to be a design. Your current design was not changed.');
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    notifyError(`The file could not be read (${String(e)}). Your current design was not changed.`);
    return false;
  }
  return isComposeFileName(file.name)
    ? importComposeText(store, text, file.name)
    : openDesignText(store, text, file.name);
}

/**
 * Opens what the user picked or dropped: contract files (`.proto`, OpenAPI, AsyncAPI, with the
 * files they reference) are imported into the design together; anything else opens as
 * `openDesignFile` does, the first file.
 */
export async function openFiles(store: DesignStoreApi, files: readonly File[]): Promise<boolean> {
  const first = files[0];
  if (!first) return false;
  if (!files.some((f) => /\.(proto|ya?ml|json)$/i.test(f.name))) return openDesignFile(store, first);
  const texts: ContractFile[] = [];
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) {
      store.getState().notify({
        tone: 'error',
        placement: 'toast',
        title: `Could not open ${f.name}`,
        text: 'The file is too large to read. Your current design was not changed.',
      });
      return false;
    }
    try {
      texts.push({ name: f.name, text: await f.text() });
    } catch (e) {
      store.getState().notify({
        tone: 'error',
        placement: 'toast',
        title: `Could not open ${f.name}`,
        text: `The file could not be read (${String(e)}). Your current design was not changed.`,
      });
      return false;
    }
  }
  if (areContractFiles(texts)) return importContractFiles(store, texts);
  if (texts.length > 1 && texts.every((t) => /\.(ya?ml|json)$/i.test(t.name) && isManifestText(t)))
    return importManifestFiles(store, texts, 'manifests');
  return openDesignFile(store, first);
}

/**
 * Whether text is Kubernetes manifests (apiVersion and kind, no services) rather than a compose
 * file; the importer's own `isKubernetesText`, kept here so the page does not load the importer.
 */
function looksLikeManifests(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text) && !/^services\s*:/m.test(text);
}

/** Whether a file is Kubernetes manifests, or a kustomization. */
function isManifestText(f: ContractFile): boolean {
  return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(f.name) || looksLikeManifests(f.text);
}

/** Downloads the design as pretty JSON. */
export function saveDesignFile(store: DesignStoreApi): void {
  const { design } = store.getState();
  const blob = new Blob([serializeDesign(design, true)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = designFileName(design);
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
