import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { newDevice, type DeviceOptions } from '../launch/chromium.ts';
import { PeerPage } from './peer-page.ts';

/** Where two devices run: both in one browser, or each in its own browser process. */
export type PairBrowsers = Browser | readonly [Browser, Browser];

/** Two devices with the page open, A first; nothing exchanged yet. */
export async function openPair(browsers: PairBrowsers, url: string, device: DeviceOptions = {}): Promise<[PeerPage, PeerPage]> {
  const [first, second] = Array.isArray(browsers) ? (browsers as readonly [Browser, Browser]) : [browsers as Browser, browsers as Browser];
  const a = await PeerPage.open(await newDevice(first, device), url);
  const b = await PeerPage.open(await newDevice(second, device), url);
  return [a, b];
}

/** Two devices connected through the UI, A the offerer. */
export async function connectedPair(browsers: PairBrowsers, url: string, device: DeviceOptions = {}): Promise<[PeerPage, PeerPage]> {
  const [a, b] = await openPair(browsers, url, device);
  await a.connectTo(b);
  return [a, b];
}

/** One message each way on a fresh connection: each side shows it as its own and as theirs, timed. */
export async function chatBothWays(a: PeerPage, b: PeerPage): Promise<void> {
  await a.chat.send('hello from A');
  await b.chat.waitFor('hello from A', 'theirs');
  await a.chat.waitFor('hello from A', 'mine');
  await b.chat.send('and hello from B');
  await a.chat.waitFor('and hello from B', 'theirs');
  await b.chat.waitFor('and hello from B', 'mine');
  expect(await a.chat.log.locator('li').count()).toBe(2);
  expect(await b.chat.log.locator('time').count()).toBe(2);
}
