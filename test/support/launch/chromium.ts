import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { assertInsideTestNamespace } from './network.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags that work on this machine (TESTBED.md): no background networking, so Chromium's own
 * connections do not flood the closed network; a fake camera for getUserMedia. Deliberately not
 * --use-fake-ui-for-media-stream: it would reveal raw IPs and hide the no-candidate case.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
];

export async function launchChromium(
  extraArgs: readonly string[] = [],
  options: { fakeDevices?: boolean } = {},
): Promise<Browser> {
  assertInsideTestNamespace();
  const base = options.fakeDevices === false ? CHROMIUM_ARGS.filter((arg) => !arg.includes('fake-device')) : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...base, ...extraArgs] });
}

export interface DeviceOptions {
  /** Camera and microphone permission granted up front, as after the user allowed them once. */
  readonly camera?: boolean;
  /** Clipboard read and write granted, so Ctrl+C / Ctrl+V and the page's Copy work without a prompt. */
  readonly clipboard?: boolean;
  /** The browser's language (navigator.language and Accept-Language), e.g. 'en-US' or 'ko-KR'. */
  readonly locale?: string;
}

/** A "device": its own storage, permissions and mDNS name, as a separate phone would have. */
export async function newDevice(browser: Browser, options: DeviceOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options.locale ? { locale: options.locale } : {});
  if (options.camera) await context.grantPermissions(['camera', 'microphone']);
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

/**
 * A browser with a normal profile on disk instead of incognito contexts; its pages share that
 * profile's storage. In an incognito context the Origin Private File System lives in the browser
 * process's memory, and writing to it costs several times the CPU of writing to disk
 * (bench:sink), so a benchmark of saving files runs here, as a user's browser does.
 */
export async function launchChromiumProfile(userDataDir: string): Promise<BrowserContext> {
  assertInsideTestNamespace();
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
