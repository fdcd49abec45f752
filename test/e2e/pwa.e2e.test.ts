import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDirForThisProcess } from '../support/inputs/temp-dir.ts';
import { launchChromium, launchChromiumProfile, newDevice } from '../support/launch/chromium.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { PeerPage, waitUntilBothConnected } from '../support/page/peer-page.ts';
import { chatBothWays } from '../support/page/pair.ts';
import { REPO_ROOT as root } from '../support/serve/built-page.ts';
import { serveStatic } from '../support/serve/static-server.ts';

/**
 * A build of our own rather than the shared dist/: a service worker precaches whatever the host
 * serves, so a dist/ rebuilt meanwhile by another test run would make these tests flaky.
 */
const dist = mkdtempSync(join(tmpdir(), 'p2p-pwa-dist-'));
let baseUrl: string;
let host: Server;
let browser: Browser;

beforeAll(async () => {
  setNetworkShape('lan-deadgw');
  await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, sourcemap: false } });
  ({ url: baseUrl, server: host } = await serveStatic(dist, '/some/sub/path/'));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser.close();
  await new Promise((done) => host.close(done));
  rmSync(dist, { recursive: true, force: true });
});

/** Install, precache, activate and clients.claim() have all happened once the page has a controller. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

/** The files the built sw.js precaches, relative to the page, with the SHA-256 of each. */
function precacheHashes(dir: string): Record<string, string> {
  const match = /^const PRECACHE = (\{.*\});$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  if (!match) throw new Error('sw.js has no PRECACHE list');
  return JSON.parse(match[1]!) as Record<string, string>;
}
const precacheList = (dir: string): string[] => Object.keys(precacheHashes(dir));

describe('installable app', () => {
  interface ManifestIcon {
    src: string;
    sizes: string;
    type: string;
    purpose: string;
  }

  test('the manifest is valid with relative URLs, every icon resolves, the worker controls the page', async () => {
    // A persistent profile: in the incognito-like contexts of browser.newContext() Chromium never
    // offers to install ('in-incognito').
    const profile = tempDirForThisProcess('p2p-pwa-profile-'); // the run deletes it even if this test fails
    const context = await launchChromiumProfile(profile);
    const { page } = await PeerPage.open(context, baseUrl);
    await waitForServiceWorker(page);
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: baseUrl, script: `${baseUrl}sw.js` });

    const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
    expect(manifestUrl).toBe(`${baseUrl}manifest.webmanifest`);
    const manifest = (await (await fetch(manifestUrl)).json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({ name: 'P2P Direct', short_name: 'P2P Direct', display: 'standalone' });
    // Relative, so the same file works at a host's root and under /<repo>/.
    expect([manifest['start_url'], manifest['scope'], manifest['id']]).toEqual(['./', './', './']);
    expect(new URL(String(manifest['start_url']), manifestUrl).href).toBe(baseUrl);

    const icons = manifest.icons.map((icon) => `${icon.type} ${icon.sizes} ${icon.purpose}`);
    expect(icons).toEqual(
      expect.arrayContaining(['image/svg+xml any any', 'image/png 192x192 any', 'image/png 512x512 any', 'image/png 512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, manifestUrl));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type')).toBe(icon.type);
      const bytes = Buffer.from(await response.arrayBuffer());
      // PNG: the IHDR chunk holds width and height right after the 8-byte signature and chunk header.
      if (icon.type === 'image/png') expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }

    // Chromium's own verdict: the manifest parses, and nothing stands in the way of installing.
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
});

describe('offline after one visit', () => {
  test('with the browser offline, the page reloads from the service worker, every file of the build included', async () => {
    const context = await newDevice(browser);
    const a = await PeerPage.open(context, baseUrl);
    await waitForServiceWorker(a.page);

    await context.setOffline(true);
    const reloaded = await a.page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await a.button('Create offer').waitFor();
    // Really offline: a file the worker does not hold cannot be fetched.
    expect(await a.page.evaluate(() => fetch('./not-precached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');
    // Every file of the build is precached and answers, the lazy QR scanner and decoder worker included.
    const built = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'sw.js')
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)).replace('index.html', './'));
    expect([...precacheList(dist)].sort()).toEqual(built.sort());
    const statuses = await a.page.evaluate((paths) => Promise.all(paths.map((path) => fetch(path).then((r) => r.status, () => 0))), precacheList(dist));
    expect(new Set(statuses)).toEqual(new Set([200]));

    // A link carrying an offer (…/#<offer>), as a phone's camera app opens it, is answered offline.
    const offer = await a.createOffer();
    const linked = await PeerPage.openLink(context, `${baseUrl}#${offer}`);
    expect((await linked.readBlob('Answer')).length).toBeGreaterThan(20);
    await context.close();
  });

  // Chromium's offline emulation (context.setOffline) also stops WebRTC (measured: both pages stay
  // at "Setting up the link…"), so here the host itself goes away instead.
  test('with the host gone, two devices that visited once open the page and a link, connect and chat', async () => {
    const { url, server } = await serveStatic(dist, '/offline/');
    const contexts = [await newDevice(browser), await newDevice(browser)] as const;
    for (const context of contexts) await waitForServiceWorker((await PeerPage.open(context, url)).page);
    await new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    });
    await expect(fetch(url)).rejects.toThrow();

    const [contextA, contextB] = contexts;
    const a = await PeerPage.open(contextA, url);
    const offer = await a.createOffer();
    const b = await PeerPage.openLink(contextB, `${url}#${offer}`);
    await a.paste(await b.readBlob('Answer'));
    await waitUntilBothConnected(a, b);
    await chatBothWays(a, b);
    await Promise.all(contexts.map((context) => context.close()));
  });
});

describe('updates', () => {
  const marker = (value: string) => ({
    name: 'test-build-marker',
    transformIndexHtml: (html: string) => html.replace('</head>', `<meta name="build-marker" content="${value}"></head>`),
  });
  const markerOf = (page: Page) => page.evaluate(() => document.querySelector('meta[name="build-marker"]')?.getAttribute('content') ?? null);

  test('a new deployment is announced with a Reload button, which switches the page to it', async () => {
    // A host of our own, so the shared dist/ is not rebuilt under the other tests.
    const dir = mkdtempSync(join(tmpdir(), 'p2p-pwa-update-'));
    cpSync(dist, dir, { recursive: true });
    const { url, server } = await serveStatic(dir, '/update/');
    const context = await newDevice(browser);
    try {
      const { page } = await PeerPage.open(context, url);
      await waitForServiceWorker(page);
      expect(await markerOf(page)).toBeNull();

      await build({ root, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, sourcemap: false }, plugins: [marker('2')] });
      // Any navigation makes the browser compare sw.js; the page itself still comes from the old cache.
      await page.reload();
      const notice = page.getByText('A new version of this app is ready.');
      await notice.waitFor({ timeout: 15_000 });
      expect(await markerOf(page)).toBeNull();

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload', exact: true }).click()]);
      await expect.poll(() => markerOf(page)).toBe('2');
      await page.getByRole('button', { name: 'Create offer', exact: true }).waitFor();
      expect(await notice.count()).toBe(0);
    } finally {
      await context.close();
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run lan', () => {
  test('serves the build over HTTPS with a self-signed certificate naming the LAN address; the page is a secure context', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'p2p-lan-cert-'));
    const server = spawn(process.execPath, ['scripts/lan.mjs', '--port', '0', '--dir', dist, '--cert-dir', certDir], { cwd: root });
    try {
      const url = await new Promise<string>((found, failed) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /https:\/\/10\.99\.0\.2:\d+\//.exec(output);
          if (match) found(match[0]);
        });
        server.on('exit', (code) => failed(new Error(`lan.mjs exited with ${code}: ${output}`)));
      });
      const certificate = new X509Certificate(readFileSync(join(certDir, 'cert.pem')));
      expect(certificate.checkIP('10.99.0.2')).toBe('10.99.0.2');

      // What the phone sees first: an untrusted certificate, the kind a user may proceed past
      // (a malformed one would be ERR_CERT_INVALID, with no way through).
      const strict = await browser.newContext();
      const refused = await (await strict.newPage()).goto(url).then(() => 'loaded', (error: Error) => error.message);
      expect(refused).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
      await strict.close();

      // After "Proceed": an https origin, so the camera API is there.
      const proceeded = await browser.newContext({ ignoreHTTPSErrors: true });
      const { page } = await PeerPage.open(proceeded, url);
      expect(await page.evaluate(() => window.isSecureContext && navigator.mediaDevices !== undefined)).toBe(true);
      await proceeded.close();
    } finally {
      server.kill();
      rmSync(certDir, { recursive: true, force: true });
    }
  });
});
