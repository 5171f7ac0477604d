#!/usr/bin/env node
// Runs the TypeScript command line (src/cli/main.ts) through tsx's ESM loader, so the CLI and the
// app share the same source without a separate build.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../', import.meta.url);
const { main } = await tsImport('./src/cli/main.ts', {
  parentURL: root.href,
  tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
});
process.exitCode = await main(process.argv.slice(2));
