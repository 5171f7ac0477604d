/// <reference lib="webworker" />
import { runContractImport, runImporter, runManifestImport } from './importers';
import type { ImportRequest } from './protocol';

// Imports run here, so that a large or hostile file never blocks the page; the page ends this
// worker when the user cancels.
self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const m = event.data;
  const result =
    m.importer === 'contracts'
      ? await runContractImport(m.request)
      : m.importer === 'manifests'
        ? await runManifestImport(m.files, m.label)
        : await runImporter(m.importer, m.text, m.fileName);
  self.postMessage({ id: m.id, result });
};
