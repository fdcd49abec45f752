import type { BrowserContext } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { newDevice } from '../support/launch/chromium.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { chatBothWays } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const browser = useChromiumOnOfflineLan();

interface Recorder {
  readonly requests: string[];
  readonly workers: string[];
  readonly cspViolations: string[];
}

/** Records every request of every page and worker in the context, and every CSP violation. */
async function record(context: BrowserContext, into: Recorder): Promise<void> {
  context.on('request', (request) => into.requests.push(request.url()));
  context.on('page', (page) => {
    page.on('websocket', (socket) => into.requests.push(socket.url()));
    page.on('worker', (worker) => into.workers.push(worker.url()));
    page.on('console', (message) => {
      if (/Content Security Policy|^CSP violation/.test(message.text())) into.cspViolations.push(message.text());
    });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
}

/** Network requests only: data: and blob: URLs never leave the page. */
function foreign(urls: readonly string[]): string[] {
  return urls.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
}

test('a whole session (load, scanner, offer, answer, connect, chat) requests nothing outside the page origin', async () => {
  const seen: Recorder = { requests: [], workers: [], cspViolations: [] };
  const contextA = await newDevice(browser());
  const contextB = await newDevice(browser(), { camera: true });
  await record(contextA, seen);
  await record(contextB, seen);

  const a = await PeerPage.open(contextA, baseUrl);
  const b = await PeerPage.open(contextB, baseUrl);
  // The lazily loaded parts too: the scanner chunk, jsqr's decoder worker, the camera stream.
  await b.button('Scan').click();
  await expect.poll(() => seen.workers.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await b.button('Stop scanning').click();

  await a.connectTo(b);
  await chatBothWays(a, b);

  expect(foreign(seen.requests)).toEqual([]);
  expect(seen.cspViolations).toEqual([]);
  // The recording did see the page's own traffic, so an empty list above means something.
  expect(seen.requests).toEqual(expect.arrayContaining([baseUrl, `${baseUrl}manifest.webmanifest`]));
  expect(seen.workers.every((url) => url.startsWith(`${baseUrl}assets/qr-worker-`))).toBe(true);
  await Promise.all([contextA.close(), contextB.close()]);
});

test('the Content Security Policy is enforced, and the styled page needs no exception', async () => {
  const context = await newDevice(browser());
  const seen: Recorder = { requests: [], workers: [], cspViolations: [] };
  await record(context, seen);
  const { page } = await PeerPage.open(context, baseUrl);
  // Lit's styles are constructed stylesheets, which style-src 'self' does not block.
  const button = page.getByRole('button', { name: 'Create offer', exact: true });
  expect(await button.evaluate((el) => getComputedStyle(el).minHeight)).toBe('44px');

  const refused = await page.evaluate(async () => {
    // (Not eval: code run through the DevTools protocol, as this is, may always eval.)
    const outcomes: string[] = [];
    outcomes.push(await fetch('https://example.com/').then(() => 'foreign fetch ran', () => 'foreign fetch refused'));
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    outcomes.push((window as { inlineRan?: boolean }).inlineRan ? 'inline script ran' : 'inline script refused');
    return outcomes;
  });
  expect(refused).toEqual(['foreign fetch refused', 'inline script refused']);
  // …and the recorder the first test relies on does notice violations.
  await expect.poll(() => seen.cspViolations.filter((text) => text.startsWith('CSP violation')).sort()).toEqual([
    'CSP violation: connect-src https://example.com/',
    'CSP violation: script-src-elem inline',
  ]);
  await context.close();
});
