import type { ImportResult, ImporterName } from './protocol';

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

/** Runs an importer, turning a bug that throws into an answer that says so. */
export async function runImporter(importer: ImporterName, text: string, fileName: string): Promise<ImportResult> {
  try {
    return (await IMPORTERS[importer]())(text, fileName);
  } catch (e) {
    return { ok: false, error: `The import failed: ${e instanceof Error ? e.message : String(e)}`, warnings: [] };
  }
}
