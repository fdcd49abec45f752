import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from '../../support/launch/chromium.ts';
import { setNetworkShape } from '../../support/launch/network.ts';

/**
 * One Chromium for the whole test file, on the offline LAN shape (STUN black-holed), closed after
 * the file. Returns a getter, since the browser exists only once beforeAll has run.
 */
export function useChromiumOnOfflineLan(extraArgs: readonly string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    setNetworkShape('lan-deadgw');
    browser = await launchChromium(extraArgs);
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the shared browser is used before beforeAll ran');
    return browser;
  };
}

/**
 * Browsers that a test launches for itself (its own flags, or one process per device), all
 * closed when that test ends, whether it passed or not.
 */
export function useChromiumPerTest(): (...launchArgs: Parameters<typeof launchChromium>) => Promise<Browser> {
  const launched: Browser[] = [];
  afterEach(async () => {
    await Promise.all(launched.splice(0).map((browser) => browser.close()));
  });
  return async (...launchArgs) => {
    const browser = await launchChromium(...launchArgs);
    launched.push(browser);
    return browser;
  };
}
