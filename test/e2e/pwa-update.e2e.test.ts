import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchChromium, newDevice } from '../support/launch/chromium.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { PeerPage, waitUntilBothConnected } from '../support/page/peer-page.ts';
import { chatBothWays } from '../support/page/pair.ts';
import { REPO_ROOT as root } from '../support/serve/built-page.ts';
import { serveStatic } from '../support/serve/static-server.ts';

/**
 * Deploying a new version while the app is open: two builds of our own (the shared dist/ is not
 * touched), copied in turn into the folder a plain static host serves, as a deployment would.
 * Version 2 differs in every module, so every lazy chunk has a new name and version 1's are gone
 * from the host.
 */
const builds = mkdtempSync(join(tmpdir(), 'p2p-pwa-versions-'));
const v1 = join(builds, 'v1');
const v2 = join(builds, 'v2');
let browser: Browser;

/** Changes every module of the app (so every chunk's hash) and marks the page. */
const version2: Plugin = {
  name: 'test-version-2',
  transform: (code, id) => (/\/src\/.*\.ts$/.test(id) ? `${code}\n;globalThis.__p2pTestBuild = '2';` : undefined),
  transformIndexHtml: (html) => html.replace('</head>', '<meta name="build-marker" content="2"></head>'),
};

beforeAll(async () => {
  setNetworkShape('lan-deadgw');
  const options = { root, logLevel: 'warn' as const };
  await build({ ...options, build: { outDir: v1, emptyOutDir: true, sourcemap: false } });
  await build({ ...options, build: { outDir: v2, emptyOutDir: true, sourcemap: false }, plugins: [version2] });
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  rmSync(builds, { recursive: true, force: true });
});

/** The folder a static host serves: deploy() replaces everything in it. */
let site: string;
let host: Server;
let url: string;
beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'p2p-pwa-site-'));
  deploy(v1);
  ({ url, server: host } = await serveStatic(site, '/app/'));
});
afterEach(async () => {
  await new Promise((done) => host.close(done));
  host.closeAllConnections();
  rmSync(site, { recursive: true, force: true });
});

function deploy(build: string): void {
  for (const name of readdirSync(site)) rmSync(join(site, name), { recursive: true, force: true });
  cpSync(build, site, { recursive: true });
}

/** What the build's sw.js lists: path → SHA-256. */
function precacheOf(dir: string): Record<string, string> {
  const match = /^const PRECACHE = (\{.*\});$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  if (!match) throw new Error('sw.js has no PRECACHE list');
  return JSON.parse(match[1]!) as Record<string, string>;
}

const markerOf = (page: Page) => page.evaluate(() => document.querySelector('meta[name="build-marker"]')?.getAttribute('content') ?? null);
const waitForController = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
const ourCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('p2p-direct ')));

/** Fetches each path from the page, as its code would, and returns the SHA-256 of what came back (or the HTTP status). */
function fetchedHashes(page: Page, paths: string[]): Promise<Record<string, string>> {
  return page.evaluate(async (list) => {
    const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const entries = await Promise.all(
      list.map(async (path) => {
        const response = await fetch(path);
        return [path, response.ok ? hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer())) : `HTTP ${response.status}`];
      }),
    );
    return Object.fromEntries(entries) as Record<string, string>;
  }, paths);
}

/** Asks the browser to look for a new sw.js now; resolves with how its install ended. */
function installOutcome(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    const outcome = new Promise<string>((resolve) => {
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing!;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
        });
      });
    });
    await registration.update();
    return outcome;
  });
}

describe('a new version while two tabs are open', () => {
  test('one tab reloads into version 2; the other, still on version 1, then loads its lazy chunks and they work', async () => {
    const older = precacheOf(v1);
    const newer = precacheOf(v2);
    // Version 1's own chunks: gone from the host once version 2 is deployed.
    const onlyInV1 = Object.keys(older).filter((path) => !(path in newer));
    for (const chunk of ['connected-views', 'qr-scanner', 'qr-matrix', 'ko', 'fallback-compression']) {
      expect(onlyInV1.some((path) => path.startsWith(`assets/${chunk}-`)), chunk).toBe(true);
    }

    const context = await newDevice(browser);
    const tab1 = await PeerPage.open(context, url);
    await waitForController(tab1.page);
    const tab2 = await PeerPage.open(context, url);
    await waitForController(tab2.page);

    deploy(v2);
    await tab1.page.reload();
    await tab1.page.getByText('A new version of this app is ready.').waitFor({ timeout: 15_000 });
    await Promise.all([tab1.page.waitForEvent('load'), tab1.button('Reload').click()]);
    await expect.poll(() => markerOf(tab1.page)).toBe('2');
    await tab1.button('Create offer').waitFor();
    expect(await markerOf(tab2.page)).toBeNull();
    expect((await fetch(`${url}${onlyInV1[0]}`)).status).toBe(404);

    // Tab 2 is now controlled by version 2's worker, and still runs version 1: its chunks come
    // from version 1's cache, byte for byte.
    const fetched = await fetchedHashes(tab2.page, onlyInV1);
    expect(fetched).toEqual(Object.fromEntries(onlyInV1.map((path) => [path, older[path]])));

    // And the lazy views themselves: connected (call, files, stats), then in Korean.
    const peerContext = await newDevice(browser);
    const offer = await tab2.createOffer();
    const peer = await PeerPage.openLink(peerContext, `${url}#${offer}`);
    await tab2.paste(await peer.readBlob('Answer'));
    await waitUntilBothConnected(tab2, peer);
    await chatBothWays(tab2, peer);
    await tab2.button('Send files').waitFor();
    await tab2.page.locator('summary', { hasText: 'Stats' }).waitFor();
    await tab2.page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: '한국어' });
    await tab2.page.getByRole('status').getByText('연결됨').waitFor();
    expect(await markerOf(tab2.page)).toBeNull();

    // Once no tab runs version 1, the next visit deletes its cache.
    expect(await ourCaches(tab1.page)).toHaveLength(2);
    await tab2.page.close();
    await peerContext.close();
    await tab1.page.reload();
    await expect.poll(() => ourCaches(tab1.page), { timeout: 10_000 }).toHaveLength(1);
    await context.close();
  });
});

describe('a host caught halfway through a deployment', () => {
  test('a file that is not the one built fails the install: no notice, version 1 keeps serving; the finished deployment installs', async () => {
    const context = await newDevice(browser);
    const { page } = await PeerPage.open(context, url);
    await waitForController(page);
    const before = await ourCaches(page);

    // Version 2's sw.js and chunks, but the host (or a CDN before it) still has version 1's page.
    deploy(v2);
    cpSync(join(v1, 'index.html'), join(site, 'index.html'));
    expect(await installOutcome(page)).toBe('redundant');
    expect(await ourCaches(page)).toEqual(before);
    await page.reload();
    await page.getByRole('button', { name: 'Create offer', exact: true }).waitFor();
    expect(await markerOf(page)).toBeNull();
    // Nothing to announce: no version waits, and the reload's own check has failed too.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active && !registration.installing && !registration.waiting;
    });
    expect(await page.getByText('A new version of this app is ready.').count()).toBe(0);
    const v1Chunks = Object.keys(precacheOf(v1)).filter((path) => path.startsWith('assets/connected-views-'));
    expect(Object.values(await fetchedHashes(page, v1Chunks))).toEqual(v1Chunks.map((path) => precacheOf(v1)[path]));

    // The deployment completes: the next visit installs version 2, and the page offers it.
    deploy(v2);
    await page.reload();
    await page.getByText('A new version of this app is ready.').waitFor({ timeout: 15_000 });
    expect(await ourCaches(page)).toHaveLength(2);
    await context.close();
  });
});
