import { join } from 'node:path';
import type { RuntimeRecipe } from './types';

/**
 * Node.js · TypeScript (Express): the Dockerfile's two build steps, `npm ci` (exactly the tree of
 * the exported package-lock.json, the download cache kept between runs) and `npm run build` (tsc), then
 * `node dist/main.js`, the Dockerfile's CMD.
 */
export const recipe: RuntimeRecipe = {
  runtime: 'node-express',
  tools: ['node', 'npm'],
  build: (_dir, cache) => [
    {
      cmd: 'npm',
      args: ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--cache', join(cache, 'npm')],
    },
    { cmd: 'npm', args: ['run', 'build'] },
  ],
  start: () => ({ cmd: 'node', args: ['dist/main.js'] }),
};
