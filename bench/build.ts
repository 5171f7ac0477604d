import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';

const here = resolve(import.meta.dirname, '..');
const configFile = resolve(here, 'vite.config.ts');
export const OUT = { app: resolve(here, 'dist-bench/app'), bare: resolve(here, 'dist-bench/bare') };

/**
 * Builds the app and the bare page with the project's own Vite config into dist-bench/, so that
 * dist/ (what `npm run build` and the e2e tests use) is left as it is.
 */
export async function buildPages(): Promise<void> {
  await build({ configFile, root: here, logLevel: 'warn', build: { outDir: OUT.app, emptyOutDir: true } });
  await build({
    configFile,
    root: resolve(here, 'bench/bare'),
    logLevel: 'warn',
    build: { outDir: OUT.bare, emptyOutDir: true },
  });
}

export async function serve(outDir: string, root: string): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    configFile,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`no URL for ${outDir}`);
  return { url, server };
}

export const ROOTS = { app: here, bare: resolve(here, 'bench/bare') };

/**
 * Gzipped size in bytes of the JavaScript the page loads before it runs: the entry script that
 * index.html names and every chunk it imports statically (each file gzipped on its own, as served).
 */
export async function entryGzip(outDir: string): Promise<number> {
  const html = await readFile(resolve(outDir, 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`no entry script in ${outDir}/index.html`);
  const seen = new Set<string>();
  const todo = [src.replace(/^\//, '')];
  let total = 0;
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const js = await readFile(resolve(outDir, file));
    total += gzipSync(js, { level: 9 }).length;
    // static imports only (`import"./x.js"`, `from"./x.js"`), not `import("./x.js")`
    for (const m of js.toString('utf8').matchAll(/(?:\bimport|\bfrom)\s*"\.\/([^"]+\.js)"/g))
      if (m[1]) todo.push(`${file.slice(0, file.lastIndexOf('/') + 1)}${m[1]}`);
  }
  return total;
}
