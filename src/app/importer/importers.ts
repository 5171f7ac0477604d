import type { ContractImportRequest, ContractImportResult, ImportResult, ImporterName, ManifestFile } from './protocol';

/** An importer: text and the file's name in, a design or a reason out. Pure, and never throws by design. */
export type Importer = (text: string, fileName: string) => ImportResult;

/**
 * The importers, loaded when first used (so the YAML reader stays out of the page's first load).
 * A new importer is one line here and a name in `ImporterName`.
 */
export const IMPORTERS: Record<ImporterName, () => Promise<Importer>> = {
  compose: async () => (await import('../../core/importers/compose')).importCompose,
  kubernetes: async () => (await import('../../core/importers/kubernetes')).importKubernetes,
};

const failure = (e: unknown) => ({
  ok: false as const,
  error: `The import failed: ${e instanceof Error ? e.message : String(e)}`,
  warnings: [],
});

/** Runs an importer, turning a bug that throws into an answer that says so. */
export async function runImporter(importer: ImporterName, text: string, fileName: string): Promise<ImportResult> {
  try {
    return (await IMPORTERS[importer]())(text, fileName);
  } catch (e) {
    return failure(e);
  }
}

/** Runs the import of a folder of Kubernetes manifests (a kustomization's, or every file's). */
export async function runManifestImport(files: ManifestFile[], label: string): Promise<ImportResult> {
  try {
    return (await import('../../core/importers/kubernetes')).importKubernetesFiles(files, label);
  } catch (e) {
    return failure(e);
  }
}

/** Runs a contract import (the parsers load with it, never with the page). */
export async function runContractImport(request: ContractImportRequest): Promise<ContractImportResult> {
  try {
    const [{ importContracts }, { placeReferencedFiles }] = await Promise.all([
      import('../../core/importers/contracts'),
      import('./flatFiles'),
    ]);
    return await importContracts({ ...request, files: placeReferencedFiles(request.files) });
  } catch (e) {
    return failure(e);
  }
}
