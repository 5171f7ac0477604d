import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chooseBrowser, SYSTEM_CHROMIUM } from './browser';

/**
 * Runs before the browser tests (`npm run e2e`): makes sure there is a Chromium to drive. The
 * machine's own (`/usr/bin/chromium`, or `CHROMIUM_PATH`) is used as it is and nothing is
 * downloaded; without one, Playwright's own Chromium is installed once (`npx playwright install
 * chromium`) into Playwright's cache, and later runs find it there.
 */
export type Step = { action: 'use'; path: string; why: string } | { action: 'install'; why: string };

export function plan(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
  bundledPath: string,
): Step | { action: 'fail'; why: string } {
  const choice = chooseBrowser(env, exists);
  if (choice.source === 'CHROMIUM_PATH') {
    const path = choice.executablePath!;
    return exists(path)
      ? { action: 'use', path, why: 'CHROMIUM_PATH' }
      : { action: 'fail', why: `CHROMIUM_PATH is set to ${path}, and there is no file there.` };
  }
  if (choice.source === 'system') return { action: 'use', path: SYSTEM_CHROMIUM, why: 'the system Chromium' };
  if (bundledPath && exists(bundledPath))
    return { action: 'use', path: bundledPath, why: "Playwright's Chromium, installed earlier" };
  return { action: 'install', why: `no Chromium at ${SYSTEM_CHROMIUM} and none of Playwright's yet` };
}

function main(): number {
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // an unknown platform: the install below says what is wrong
  }
  const step = plan(process.env, existsSync, bundled);
  if (step.action === 'fail') {
    console.error(`Browser tests: ${step.why}`);
    return 1;
  }
  if (step.action === 'use') {
    console.log(`Browser tests use ${step.why}: ${step.path}`);
    return 0;
  }
  console.log(`Browser tests: ${step.why}; installing Playwright's Chromium (npx playwright install chromium) …`);
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error(
      'Browser tests: Playwright could not install its Chromium. Install one yourself ' +
        '(on Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
    return r.status ?? 1;
  }
  return 0;
}

if (process.argv[1] && /ensure-browser\.[cm]?[jt]s$/.test(process.argv[1])) process.exitCode = main();
