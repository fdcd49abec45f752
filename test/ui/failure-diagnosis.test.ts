// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import type { Settings } from '../../src/core/settings/settings.ts';
import { setLocale } from '../../src/ui/locale/localization.ts';
import type { P2pApp } from '../../src/ui/p2p-app.ts';
import { chromium, codeShown, createOffer, firefox, openPage, paste, status, until } from './app-page.ts';
import { settled, visibleText } from './mount.ts';

/** The failure screen words what the failed link could tell, each cause with its fix. */

afterEach(() => setLocale('en'));

/** A offers with a STUN server set, B answers and then goes away: A's link never comes up. */
async function offererLeftAlone(): Promise<HTMLElement> {
  const a = await openPage(chromium);
  const b = await openPage(firefox);
  const settings = (a as P2pApp).app!.settings;
  const withStun: Settings = { ...settings.current, iceServers: [{ urls: 'stun:stun.example.test:3478' }], connectTimeoutMs: 1_000 };
  settings.update(withStun);
  await paste(b, await createOffer(a));
  await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
  const answer = codeShown(b, 'Answer');
  (b as P2pApp).app!.session.reset();
  await paste(a, answer);
  await vi.waitFor(() => expect(status(a)).toMatch(/^Connection failed: no link came up within 1 s\./), { timeout: 3_000 });
  await settled(a);
  return a;
}

const trouble = (page: HTMLElement) => page.shadowRoot!.querySelector('.trouble')!;
const causes = (page: HTMLElement) => [...trouble(page).querySelectorAll('li')].map((item) => visibleText(item));

test('each cause the link found, most likely first, with what to do about it', async () => {
  const a = await offererLeftAlone();
  expect(visibleText(trouble(a).querySelector('h2')!)).toBe('The two devices did not connect');
  // The captures offer only .local names; the fake connection learnt no public address from STUN.
  expect(causes(a)).toEqual([
    expect.stringMatching(/^No STUN server answered.*Check the STUN URLs in Settings/),
    expect.stringMatching(/^Both devices offered only hidden local names \(\.local\).*same Wi-Fi/),
  ]);
  expect(visibleText(trouble(a))).toContain('Fix what applies, then start again below.');
  expect(visibleText(trouble(a))).not.toContain('Check that both devices are on the same network');
});

test('in Korean', async () => {
  const a = await offererLeftAlone();
  await setLocale('ko');
  await settled(a);
  expect(causes(a)).toEqual([
    expect.stringMatching(/^응답한 STUN 서버가 없어서/),
    expect.stringMatching(/^두 기기 모두 숨겨진 로컬 이름\(\.local\)/),
  ]);
});
