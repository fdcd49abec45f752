// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/p2p-app.ts';
// p2p-app loads these once connected; imported here so that they are defined before the test looks.
import '../../src/ui/connected-views.ts';
import { createApp, type App } from '../../src/core/app/create-app.ts';
import { LinkedPeerConnection } from '../helpers/linked-peer-connection.ts';
import { MemoryReceivedFiles, memorySettingsStore } from '../helpers/node-platform.ts';
import { useFakeCanvas } from './fake-canvas.ts';
import { allByRole, button, getByRole, mount, pressEnter, settled, type, visibleText } from './mount.ts';

/**
 * Two whole pages, one per device, linked in memory (real browser descriptions, the real codec)
 * and used only as a user would: the buttons, the boxes, and what the status and alert say.
 */

// A path, not a URL: under happy-dom, URL is the page's own and does not resolve file: URLs.
const capture = (name: string) => readFileSync(join(import.meta.dirname, `../fixtures/sdp/${name}.sdp`), 'utf8');
const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
const firefox = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };

const NOT_A_CODE = 'This is not a connection code from this page. Copy the whole text the other device shows.';

useFakeCanvas();
let apps: App[] = [];
afterEach(() => {
  for (const app of apps) app.session.reset();
  apps = [];
  history.replaceState(null, '', location.pathname);
});

/** A page as src/main.ts builds it, on a platform without media: data only. */
async function openPage(captures: { offer: string; answer: string }): Promise<HTMLElement> {
  const app = createApp({
    createPeerConnection: () => new LinkedPeerConnection(captures) as unknown as RTCPeerConnection,
    settingsStore: memorySettingsStore(),
    receivedFiles: new MemoryReceivedFiles(),
  });
  apps.push(app);
  return mount('p2p-app', { app });
}

const status = (page: HTMLElement) => visibleText(getByRole(page, 'status'));
const alerts = (page: HTMLElement) => allByRole(page, 'alert').map(visibleText);
const codeShown = (page: HTMLElement, name: 'Offer' | 'Answer') => (getByRole(page, 'textbox', name) as HTMLTextAreaElement).value;
const pasteBox = (page: HTMLElement) => getByRole(page, 'textbox', 'Paste offer or answer') as HTMLTextAreaElement;

/** Waits until the assertion holds, then for everything on the page to render. */
async function until(page: HTMLElement, assertion: () => void): Promise<void> {
  await vi.waitFor(assertion);
  await settled(page);
}

async function createOffer(page: HTMLElement): Promise<string> {
  button(page, 'Create offer').click();
  await until(page, () => expect(status(page)).toMatch(/^Offer ready\./));
  return codeShown(page, 'Offer');
}

/** Like the browser: a paste event, then the text lands in the box and input fires. */
async function paste(page: HTMLElement, text: string): Promise<void> {
  const box = pasteBox(page);
  box.dispatchEvent(new Event('paste', { bubbles: true }));
  type(box, text);
  await settled(page);
}

/** A makes the offer (Chromium), B answers it (Firefox), A applies the answer. */
async function connectTwoPages(): Promise<{ a: HTMLElement; b: HTMLElement }> {
  const a = await openPage(chromium);
  const b = await openPage(firefox);
  await paste(b, await createOffer(a));
  await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
  await paste(a, codeShown(b, 'Answer'));
  await until(a, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
  await settled(b);
  return { a, b };
}

function say(page: HTMLElement, text: string, how: 'Send' | 'Enter'): void {
  const box = getByRole(page, 'textbox', 'Message') as HTMLInputElement;
  type(box, text);
  if (how === 'Send') button(page, 'Send').click();
  else pressEnter(box);
}

const messages = (page: HTMLElement) => allByRole(getByRole(page, 'log', 'Chat messages'), 'listitem').map(visibleText);

describe('p2p-app: two pages', () => {
  test('a first visit: Ready, Create offer, the paste box, no alert and no New session', async () => {
    const page = await openPage(chromium);
    expect(status(page)).toBe('Ready. Create an offer, or paste the one the other device shows.');
    expect(button(page, 'Create offer').disabled).toBe(false);
    expect(pasteBox(page).disabled).toBe(false);
    expect(alerts(page)).toEqual([]);
    expect(allByRole(page, 'button', 'New session')).toEqual([]);
  });

  test('offer, answer: Connected on both pages, and the conversation replaces the codes', async () => {
    const { a, b } = await connectTwoPages();
    for (const page of [a, b]) {
      expect(alerts(page)).toEqual([]);
      expect(allByRole(page, 'textbox', /^(Offer|Answer|Paste offer or answer)$/)).toEqual([]);
      expect(visibleText(getByRole(page, 'log', 'Chat messages'))).toBe('No messages yet.');
    }
  });

  test('chat both ways, with Send and with Enter', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'hello from A', 'Send');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    say(b, 'hi from B', 'Enter');
    await until(a, () => expect(messages(a)).toHaveLength(2));
    await settled(b);
    expect(messages(a)).toEqual([expect.stringMatching(/^You · .+ hello from A$/), expect.stringMatching(/^Them · .+ hi from B$/)]);
    expect(messages(b)).toEqual([expect.stringMatching(/^Them · .+ hello from A$/), expect.stringMatching(/^You · .+ hi from B$/)]);
    expect((getByRole(b, 'textbox', 'Message') as HTMLInputElement).value).toBe('');
  });

  test('New session on A: A is ready again, B is told, and B keeps the chat to read', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'bye now', 'Send');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    button(a, 'New session').click();
    await until(a, () => expect(status(a)).toMatch(/^Ready\./));
    await until(b, () => expect(status(b)).toBe('Session ended by the other device.'));
    expect(allByRole(a, 'log', 'Chat messages')).toEqual([]);
    expect(button(a, 'Create offer').disabled).toBe(false);
    expect(messages(b)).toEqual([expect.stringMatching(/^Them · .+ bye now$/)]);
    expect((getByRole(b, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('p2p-app: codes that cannot be used', () => {
  test('garbage: the alert says why and the status stays; the real offer then clears the alert and the box', async () => {
    const a = await openPage(chromium);
    const b = await openPage(firefox);
    const offer = await createOffer(a);
    const before = status(b);
    await paste(b, 'hello, is this the code?');
    await until(b, () => expect(alerts(b)).toEqual([NOT_A_CODE]));
    expect(status(b)).toBe(before);
    await paste(b, offer);
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    expect(alerts(b)).toEqual([]);
    expect(pasteBox(b).value).toBe('');
  });

  test('its own offer pasted back: the alert says so and the offer stays', async () => {
    const a = await openPage(chromium);
    const offer = await createOffer(a);
    await paste(a, offer);
    await until(a, () => expect(alerts(a)).toEqual(['This is your own offer. Send it to the other device, then paste their answer here.']));
    expect(status(a)).toMatch(/^Offer ready\./);
    expect(codeShown(a, 'Offer')).toBe(offer);
  });
});

describe('p2p-app: a link with the code in its fragment', () => {
  // The page is opened at the link: the fragment is there before the app is handed to it. Set
  // through history: in a browser, setting location.hash would also tell page A (hashchange).
  test('is applied as if pasted, and leaves the address bar', async () => {
    const a = await openPage(chromium);
    const offer = await createOffer(a);
    history.replaceState(null, '', `#${offer}`);
    const b = await openPage(firefox);
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    expect(location.hash).toBe('');
    await paste(a, codeShown(b, 'Answer'));
    await until(a, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
  });

  test('followed while the page is open: a link that holds no code says so, and the page stays ready', async () => {
    const page = await openPage(chromium);
    location.hash = 'not-a-code';
    // happy-dom never fires hashchange by itself.
    window.dispatchEvent(new Event('hashchange'));
    await until(page, () => expect(alerts(page)).toEqual([`The link you opened cannot be used here. ${NOT_A_CODE}`]));
    expect(status(page)).toMatch(/^Ready\./);
    expect(location.hash).toBe('');
  });
});
