import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { setNetworkShape } from './network.ts';

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
