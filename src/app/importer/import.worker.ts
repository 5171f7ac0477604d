/// <reference lib="webworker" />
import { runImporter } from './importers';
import type { ImportRequest, ImportResponse } from './protocol';

// Imports run here, so that a large or hostile file never blocks the page; the page ends this
// worker when the user cancels.
self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, importer, text, fileName } = event.data;
  const result = await runImporter(importer, text, fileName);
  self.postMessage({ id, result } satisfies ImportResponse);
};
