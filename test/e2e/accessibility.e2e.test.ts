import { afterEach, describe, expect, inject, test } from 'vitest';
import { randomFile } from '../support/inputs/random-file.ts';
import { allowUdpAgain, dropAllUdp, endAnyOutage } from '../support/launch/outage.ts';
import { waitUntilBothConnected } from '../support/page/peer-page.ts';
import { openPair } from '../support/page/pair.ts';
import { ScreenAudit } from '../support/page/screen-audit.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

/**
 * The browser languages the page starts in; each walks the whole flow in English, and every screen
 * is checked in English and in Korean (ScreenAudit switches the page's Language select).
 */
const LOCALES = ['en-US'] as const;

const baseUrl = inject('baseUrl');
// The call screen needs a camera: Chromium's fake one, its prompt answered (as in video.e2e).
const browser = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream']);
afterEach(endAnyOutage);

describe.each(LOCALES)('axe-core on every screen, browser language %s', (locale) => {
  test('start, offer, error, answer, connected, settings, files, call, interrupted, link lost — English and Korean, light and dark: nothing serious or critical, focus always visible', async () => {
    const audit = new ScreenAudit();
    const [a, b] = await openPair(browser(), baseUrl, { camera: true, locale });
    await audit.check('start', a.page);

    const offer = await a.createOffer();
    await audit.check('offer', a.page);
    await a.paste('Hi! Here is my code: banana');
    await a.alert.waitFor();
    await audit.check('error', a.page);

    await b.paste(offer);
    const answer = await b.readBlob('Answer');
    await audit.check('answer', b.page);
    await a.paste(answer);
    await waitUntilBothConnected(a, b);
    await a.chat.send('hello from A');
    await b.chat.waitFor('hello from A', 'theirs');
    await audit.check('connected', a.page);

    await a.settings.open();
    await audit.check('settings', a.page);

    await a.files.send([randomFile('checked.bin', 256 * 1024)]);
    await b.files.waitForPhase('checked.bin', 'offered');
    await audit.check('file offered', b.page);
    await b.files.press('checked.bin', 'Accept');
    await b.files.waitForPhase('checked.bin', 'verified');
    await a.files.waitForPhase('checked.bin', 'verified');
    await audit.check('file verified (receiver)', b.page);
    await audit.check('file verified (sender)', a.page);

    await a.call.start();
    await b.call.waitForFlowingVideo();
    await audit.check('call (caller)', a.page);
    await audit.check('call (callee)', b.page);

    dropAllUdp();
    await a.waitForStatus(/^Link interrupted/, 15_000);
    await audit.check('interrupted (call paused)', a.page);
    await a.button('Reconnect').waitFor({ timeout: 60_000 });
    await audit.check('link lost (Reconnect)', a.page);
    allowUdpAgain();

    console.log(`${locale}:\n${audit.counts()}`);
    expect.soft(audit.hiddenFocus(), 'controls that hide their keyboard focus').toEqual([]);
    expect.soft(audit.seriousOrCritical(), `all axe violations, ${locale}:\n${audit.describe()}`).toEqual([]);
  }, 240_000);
});
