import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newDevice } from '../support/launch/chromium.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { REPO_ROOT } from '../support/serve/built-page.ts';
import { serveStatic } from '../support/serve/static-server.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

/**
 * Another page frames the app to lay its own content over it and trick a click on Accept. The
 * framed app must never start: no control of it is rendered, only a link to open it directly.
 *
 * One plain static host holds the app under /app/ and two framing pages. Loaded from the LAN
 * address, a page frames the app at 127.0.0.1: another site. Loaded from 127.0.0.1, it frames the
 * app from its own origin, as a sibling project on the same github.io origin could.
 */
const browser = useChromiumOnOfflineLan();
const site = mkdtempSync(join(tmpdir(), 'p2p-framing-'));
let host: Server;
let appUrl: string;
let lanOrigin: string;

beforeAll(async () => {
  // A copy of the build the global setup made, so a rebuild meanwhile changes nothing here.
  cpSync(join(REPO_ROOT, 'dist'), join(site, 'app'), { recursive: true });
  let url: string;
  ({ url, server: host } = await serveStatic(site, '/'));
  appUrl = `${url}app/`;
  lanOrigin = url.replace('127.0.0.1', '10.99.0.2');
  writeFramingPage('other-site.html', appUrl);
  writeFramingPage('same-origin.html', 'app/');
});
afterAll(async () => {
  await new Promise((done) => host.close(done));
  rmSync(site, { recursive: true, force: true });
});

function writeFramingPage(name: string, src: string): void {
  writeFileSync(join(site, name), `<!doctype html><title>Win a prize</title><p>Click!</p><iframe src="${src}" width="600" height="600"></iframe>`);
}

/** Counts the peer connections each document of the context creates, in window.peerConnections. */
async function countPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const counter = window as unknown as { peerConnections: number };
    counter.peerConnections = 0;
    window.RTCPeerConnection = class extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        counter.peerConnections++;
      }
    };
  });
}
const peerConnections = (frame: Frame | Page) => frame.evaluate(() => (window as unknown as { peerConnections: number }).peerConnections);

async function expectRefused(frame: FrameLocator, linkName: string): Promise<void> {
  const link = frame.getByRole('link', { name: linkName, exact: true });
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(appUrl);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener');
  expect(await frame.getByRole('button').count()).toBe(0);
  expect(await frame.getByRole('textbox').count()).toBe(0);
  expect(await frame.getByRole('checkbox').count()).toBe(0);
  expect(await frame.locator('p2p-app').count()).toBe(0);
}

describe('framed by another page', () => {
  test('on another site: no app controls, one message, a link that opens the app as its own tab', async () => {
    const context = await newDevice(browser());
    await countPeerConnections(context);
    // A real offer in the fragment, where a link carries one: on its own the page would answer it.
    const offerer = await PeerPage.open(await newDevice(browser()), appUrl);
    writeFramingPage('offer-link.html', `${appUrl}#${await offerer.createOffer()}`);
    const page = await context.newPage();
    await page.goto(`${lanOrigin}offer-link.html`);
    const frame = page.frameLocator('iframe');
    await expectRefused(frame, 'Open P2P Direct in a new tab');
    await frame.getByText('P2P Direct does not run inside another page').waitFor();
    const framed = page.frames().find((candidate) => candidate.url().startsWith(appUrl))!;
    expect(await peerConnections(framed)).toBe(0);
    await offerer.page.context().close();

    const [opened] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link').click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(appUrl);
    await opened.getByRole('button', { name: 'Create offer', exact: true }).click();
    await opened.getByRole('textbox', { name: 'Offer', exact: true }).waitFor();
    expect(await peerConnections(opened)).toBeGreaterThan(0);
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await context.close();
  });

  test('from the same origin (a sibling project on one github.io origin) it refuses too', async () => {
    const context = await newDevice(browser());
    const page = await context.newPage();
    await page.goto(`${appUrl.replace('app/', '')}same-origin.html`);
    await expectRefused(page.frameLocator('iframe'), 'Open P2P Direct in a new tab');
    await context.close();
  });

  test('in Korean on a Korean browser', async () => {
    const context = await newDevice(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${lanOrigin}other-site.html`);
    await expectRefused(page.frameLocator('iframe'), '새 탭에서 P2P Direct 열기');
    await page.frameLocator('iframe').getByText('P2P Direct는 다른 페이지 안에서는 실행되지 않아요.').waitFor();
    await context.close();
  });

  test('the page on its own still starts', async () => {
    const context = await newDevice(browser());
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Create offer', exact: true }).waitFor();
    expect(await page.locator('p2p-framed-notice').count()).toBe(0);
    await context.close();
  });
});
