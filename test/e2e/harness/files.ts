import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { tempDirForThisProcess } from './temp-dir.ts';

const folder = tempDirForThisProcess('p2p-files-');

/** A file of random bytes on disk, written in 1 MiB pieces (never all in memory). */
export function randomFile(name: string, bytes: number): string {
  const path = join(folder, name);
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes; written += 1 << 20) writeSync(fd, randomBytes(Math.min(1 << 20, bytes - written)));
  closeSync(fd);
  return path;
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** Picks files through the page's own "Send files" button and the browser's file chooser. */
export async function sendFiles(page: Page, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Send files', exact: true }).click(),
  ]);
  await chooser.setFiles(paths);
}

export function transfer(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true });
}

/** Waits for a transfer to reach a phase (data-phase on its list item). */
export async function waitForPhase(page: Page, name: string, phase: string, timeoutMs = 30_000): Promise<void> {
  await page.locator(`li[data-phase="${phase}"]`).filter({ has: page.getByText(name, { exact: false }) }).first().waitFor({ timeout: timeoutMs });
}

/** Saves a verified file through the page's Save link and returns its SHA-256. */
export async function saveAndHash(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    transfer(page, name).getByRole('link', { name: 'Save', exact: true }).click(),
  ]);
  const path = join(folder, `saved-${Date.now()}-${name}`);
  await download.saveAs(path);
  return sha256OfFile(path);
}
