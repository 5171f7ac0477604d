import { describe, expect, it } from 'vitest';
import { chooseBrowser } from '../scripts/browser';
import { plan } from '../scripts/ensure-browser';

const files =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);
const BUNDLED = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

describe('the browser for the e2e tests', () => {
  it('uses the system Chromium when there is one, and downloads nothing', () => {
    expect(chooseBrowser({}, files('/usr/bin/chromium'))).toEqual({
      executablePath: '/usr/bin/chromium',
      source: 'system',
    });
    expect(plan({}, files('/usr/bin/chromium'), BUNDLED)).toMatchObject({ action: 'use', path: '/usr/bin/chromium' });
  });

  it('prefers CHROMIUM_PATH, and says so when it names no file', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    expect(chooseBrowser(env, files('/usr/bin/chromium')).executablePath).toBe('/opt/chrome/chrome');
    expect(plan(env, files('/opt/chrome/chrome', '/usr/bin/chromium'), BUNDLED)).toMatchObject({
      action: 'use',
      path: '/opt/chrome/chrome',
    });
    const missing = plan(env, files('/usr/bin/chromium'), BUNDLED);
    expect(missing.action).toBe('fail');
    expect(missing.why).toContain('/opt/chrome/chrome');
  });

  it("falls back to Playwright's Chromium: installed once, then found", () => {
    expect(chooseBrowser({}, files()).executablePath).toBeUndefined();
    expect(plan({}, files(), BUNDLED).action).toBe('install');
    expect(plan({ CHROMIUM_PATH: '  ' }, files(), BUNDLED).action).toBe('install');
    expect(plan({}, files(BUNDLED), BUNDLED)).toMatchObject({ action: 'use', path: BUNDLED });
  });
});
