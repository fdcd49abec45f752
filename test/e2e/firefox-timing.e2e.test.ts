import type { Browser } from 'puppeteer-core';
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchFirefox } from '../support/launch/firefox.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { FirefoxPeer } from '../support/page/firefox-peer.ts';

const baseUrl = inject('baseUrl');
const launched: Browser[] = [];
afterEach(async () => {
  await Promise.all(launched.splice(0).map((browser) => browser.close()));
});

async function firefoxDevice(): Promise<FirefoxPeer> {
  const browser = await launchFirefox();
  launched.push(browser);
  return FirefoxPeer.open(browser, baseUrl);
}

describe('Firefox on both ends, offline LAN', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  // Without the answerer's keepalive (answer-keepalive.ts) Firefox's answerer gives up 5 s after
  // answering, and an answer carried back 8 s or more later never connects (TESTBED.md).
  test('an answer carried back 12 s late still connects at once, and chat flows both ways', async () => {
    const [a, b] = await Promise.all([firefoxDevice(), firefoxDevice()]);
    const offer = await a.createOffer();
    await b.paste(offer);
    const answer = await b.readBlob('Answer');
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(await b.status()).not.toMatch(/fail|did not/i);
    const pastedAt = Date.now();
    await a.paste(answer);
    await Promise.all([a.waitForStatus('Connected', 10_000), b.waitForStatus('Connected', 10_000)]);
    expect(Date.now() - pastedAt).toBeLessThan(10_000);
    await a.sendChat('late but here');
    await b.waitForChat('late but here', 'theirs');
    await b.sendChat('and back');
    await a.waitForChat('and back', 'theirs');
  }, 60_000);
});
