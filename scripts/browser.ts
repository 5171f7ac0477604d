import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the machine's own
 * (`/usr/bin/chromium`, Debian's package `chromium`), else Playwright's own browser (undefined).
 * Shared by playwright.config.ts and scripts/ensure-browser.ts, so both decide the same way.
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface BrowserChoice {
  /** The executable to launch; undefined means Playwright's own Chromium. */
  executablePath: string | undefined;
  /** Where the choice came from, for messages. */
  source: 'CHROMIUM_PATH' | 'system' | 'playwright';
}

export function chooseBrowser(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): BrowserChoice {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) return { executablePath: given, source: 'CHROMIUM_PATH' };
  if (exists(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  return { executablePath: undefined, source: 'playwright' };
}
