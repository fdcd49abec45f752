import type { Locator, Page } from 'playwright-core';
import { scratchPath, sha256OfFile } from '../inputs/random-file.ts';

/** The buttons a transfer's list item offers, by their accessible names. */
export type TransferAction = 'Accept' | 'Decline' | 'Cancel';

/** The files section of one peer's page: sending, answering offers, following and saving transfers. */
export class FilesPart {
  constructor(private readonly page: Page) {}

  /** Picks files through the page's own "Send files" button and the browser's file chooser. */
  async send(paths: string[]): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: 'Send files', exact: true }).click(),
    ]);
    await chooser.setFiles(paths);
  }

  /** Like send(), with files made in memory: any name and type the browser lets a File have. */
  async sendPayloads(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: 'Send files', exact: true }).click(),
    ]);
    await chooser.setFiles(files);
  }

  /** One transfer's list item, named by its file. */
  transfer(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async press(name: string, action: TransferAction): Promise<void> {
    await this.transfer(name).getByRole('button', { name: action, exact: true }).click();
  }

  async alwaysAccept(): Promise<void> {
    await this.page.getByRole('checkbox', { name: /Always accept files/ }).check();
  }

  /** A transfer's list item, which carries its phase and resume figures as data attributes. */
  transferItem(name: string): Locator {
    return this.page.locator('li[data-phase]').filter({ has: this.page.getByText(name, { exact: false }) }).first();
  }

  /** Waits for a transfer to reach a phase (data-phase on its list item). */
  async waitForPhase(name: string, phase: string, timeoutMs = 30_000): Promise<void> {
    await this.page.locator(`li[data-phase="${phase}"]`).filter({ has: this.page.getByText(name, { exact: false }) }).first().waitFor({ timeout: timeoutMs });
  }

  /** Saves a verified file through its Save link and returns its SHA-256. */
  async saveAndHash(name: string): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.transfer(name).getByRole('link', { name: 'Save', exact: true }).click(),
    ]);
    const path = scratchPath(`saved-${Date.now()}-${name}`);
    await download.saveAs(path);
    return sha256OfFile(path);
  }
}
