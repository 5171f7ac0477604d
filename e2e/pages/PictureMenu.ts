import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The Picture menu in the top bar and the Mermaid dialog it opens. */
export class PictureMenu {
  readonly button: Locator;
  readonly menu: Locator;
  readonly mermaidDialog: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('banner').getByRole('button', { name: 'Picture', exact: true });
    this.menu = page.getByRole('menu', { name: 'Picture' });
    this.mermaidDialog = page.getByRole('dialog', { name: 'Mermaid text' });
  }

  item(name: string | RegExp): Locator {
    return this.menu.getByRole('menuitem', { name });
  }

  async open() {
    await this.button.click();
    await expect(this.menu).toBeVisible();
  }

  /** Clicks a menu item and returns the file it downloads. */
  async download(item: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.item(item).click()]);
    return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
  }
}

export async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error('the download failed');
  return readFile(path);
}
