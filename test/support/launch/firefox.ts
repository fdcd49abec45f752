import puppeteer, { type Browser } from 'puppeteer-core';
import { assertInsideTestNamespace } from './network.ts';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** Firefox over WebDriver BiDi (puppeteer-core), with fake media and no permission prompts. */
export async function launchFirefox(): Promise<Browser> {
  assertInsideTestNamespace();
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
    },
  });
}
