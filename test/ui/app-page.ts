import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, vi } from 'vitest';
import '../../src/ui/p2p-app.ts';
// p2p-app loads these once connected; imported here so that they are defined before a test looks.
import '../../src/ui/connected-views.ts';
import { createApp, type App } from '../../src/core/app/create-app.ts';
import { LinkedPeerConnection } from '../helpers/linked-peer-connection.ts';
import { MemoryReceivedFiles, memorySettingsStore } from '../helpers/node-platform.ts';
import { useFakeCanvas } from './fake-canvas.ts';
import { button, getByRole, mount, settled, type, visibleText } from './mount.ts';

/** Whole pages as src/main.ts builds them, linked in memory: real browser descriptions, the real codec. */

// A path, not a URL: under happy-dom, URL is the page's own and does not resolve file: URLs.
const capture = (name: string) => readFileSync(join(import.meta.dirname, `../fixtures/sdp/${name}.sdp`), 'utf8');
export const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
export const firefox = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };

useFakeCanvas();
let apps: App[] = [];
afterEach(() => {
  for (const app of apps) app.session.reset();
  apps = [];
  history.replaceState(null, '', location.pathname);
});

/** The app as src/main.ts builds it, on a platform without media: data only. */
export function memoryApp(captures: { offer: string; answer: string }): App {
  const app = createApp({
    createPeerConnection: () => new LinkedPeerConnection(captures) as unknown as RTCPeerConnection,
    settingsStore: memorySettingsStore(),
    receivedFiles: new MemoryReceivedFiles(),
  });
  apps.push(app);
  return app;
}

export async function openPage(captures: { offer: string; answer: string }): Promise<HTMLElement> {
  return mount('p2p-app', { app: memoryApp(captures) });
}

export const status = (page: HTMLElement) => visibleText(getByRole(page, 'status'));

/** Waits until the assertion holds, then for everything on the page to render. */
export async function until(page: HTMLElement, assertion: () => void): Promise<void> {
  await vi.waitFor(assertion);
  await settled(page);
}

export const codeShown = (page: HTMLElement, name: 'Offer' | 'Answer') => (getByRole(page, 'textbox', name) as HTMLTextAreaElement).value;
export const pasteBox = (page: HTMLElement) => getByRole(page, 'textbox', 'Paste offer or answer') as HTMLTextAreaElement;

export async function createOffer(page: HTMLElement): Promise<string> {
  button(page, 'Create offer').click();
  await until(page, () => expect(status(page)).toMatch(/^Offer ready\./));
  return codeShown(page, 'Offer');
}

/** Like the browser: a paste event, then the text lands in the box and input fires. */
export async function paste(page: HTMLElement, text: string): Promise<void> {
  const box = pasteBox(page);
  box.dispatchEvent(new Event('paste', { bubbles: true }));
  type(box, text);
  await settled(page);
}

/** A makes the offer (Chromium), B answers it (Firefox), A applies the answer. */
export async function connectTwoPages(): Promise<{ a: HTMLElement; b: HTMLElement }> {
  const a = await openPage(chromium);
  const b = await openPage(firefox);
  await paste(b, await createOffer(a));
  await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
  await paste(a, codeShown(b, 'Answer'));
  await until(a, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
  await settled(b);
  return { a, b };
}
