// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/core/app/create-app.ts';
import { MAX_INPUT_CHARS } from '../../src/core/signal/index.ts';
import { LinkedPeerConnection } from '../helpers/linked-peer-connection.ts';
import { MemoryReceivedFiles, memorySettingsStore } from '../helpers/node-platform.ts';
import { chromium, createOffer, firefox, paste, status, until } from './app-page.ts';
import { allByRole, button, mount, settled, visibleText } from './mount.ts';

/** A whole page whose stored settings and browser the test chooses. */
async function pageWith(options: { stored?: object; refuse?: () => boolean; captures?: typeof chromium; store?: ReturnType<typeof memorySettingsStore> }) {
  const { refuse = () => false, captures = chromium } = options;
  const settingsStore = options.store ?? memorySettingsStore(options.stored);
  const app = createApp({
    createPeerConnection: () => {
      // What Chromium's constructor throws for a TURN server without credentials.
      if (refuse()) throw new DOMException('Both username and credential are required when the URL scheme is "turn" or "turns".', 'InvalidAccessError');
      return new LinkedPeerConnection(captures) as unknown as RTCPeerConnection;
    },
    settingsStore,
    receivedFiles: new MemoryReceivedFiles(),
  });
  const page = await mount('p2p-app', { app });
  return { page, app, settingsStore };
}

const alerts = (page: HTMLElement) => allByRole(page, 'alert').map(visibleText);
const REPAIRED = 'Some saved settings could not be used, so their defaults are used instead. Check them in Settings.';
const CANNOT_START =
  'This browser cannot start a connection with the ICE servers in Settings (Both username and credential are required when the URL scheme is "turn" or "turns".). Correct them or press Restore defaults.';

describe('a page with bad settings or a hostile paste says so, and keeps working', () => {
  test('stored settings with turn:host and no credentials: the defaults, a notice on this visit only, and Create offer works', async () => {
    const store = memorySettingsStore({ iceServers: [{ urls: 'turn:host' }], connectTimeoutMs: 12_000 });
    const first = await pageWith({ store });
    expect(alerts(first.page)).toEqual([REPAIRED]);
    expect(first.app.settings.current.connectTimeoutMs).toBe(12_000);
    expect(first.app.settings.current.iceServers).toHaveLength(2);
    await createOffer(first.page);
    expect(alerts(first.page)).toEqual([]);
    const second = await pageWith({ store });
    expect(alerts(second.page)).toEqual([]);
  });

  test('a browser that refuses the configuration: Create offer and a pasted offer say why, nothing else changes', async () => {
    let refusing = true;
    const { page } = await pageWith({ refuse: () => refusing });
    button(page, 'Create offer').click();
    await until(page, () => expect(alerts(page)).toEqual([CANNOT_START]));
    expect(status(page)).toMatch(/^Ready\./);

    refusing = false;
    const offerer = await pageWith({ captures: firefox });
    const offer = await createOffer(offerer.page);
    refusing = true;
    await paste(page, offer);
    await until(page, () => expect(alerts(page)).toEqual([CANNOT_START]));
    expect(status(page)).toMatch(/^Ready\./);
    refusing = false;
    button(page, 'Create offer').click();
    await until(page, () => expect(status(page)).toMatch(/^Offer ready\./));
    expect(alerts(page)).toEqual([]);
  });

  test('a link whose #fragment is longer than any code is refused with a message, and taken out of the address', async () => {
    history.replaceState(null, '', `#${'A'.repeat(MAX_INPUT_CHARS)}`);
    const { page } = await pageWith({});
    await until(page, () =>
      expect(alerts(page)).toEqual([
        'The link you opened cannot be used here. This text is far longer than any connection code, so it was not read. Copy only the code the other device shows.',
      ]),
    );
    expect(location.hash).toBe('');
    await createOffer(page);
  });

  test('a paste longer than any code is refused with a message, and the page goes on', async () => {
    const { page } = await pageWith({});
    await paste(page, 'A'.repeat(MAX_INPUT_CHARS + 1));
    await until(page, () =>
      expect(alerts(page)).toEqual(['This text is far longer than any connection code, so it was not read. Copy only the code the other device shows.']),
    );
    await settled(page);
    await createOffer(page);
  });
});
