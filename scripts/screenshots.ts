/**
 * Screenshots of the real page for the READMEs (`npm run screenshots`): phone and desktop sizes,
 * English and Korean, light and dark, at the start and once connected with a short chat; and the
 * QR exchange step by step on two phones. Built and served like the e2e tests, inside the
 * private network namespace, so the two pages really connect. Writes docs/screenshots/*.png.
 */
import { execSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe, REPO_ROOT } from '../test/support/serve/built-page.ts';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;
const LANGUAGES = { en: { locale: 'en-US', option: 'English' }, ko: { locale: 'ko-KR', option: '한국어' } } as const;
const SCHEMES = ['light', 'dark'] as const;

type Size = keyof typeof SIZES;
type Language = keyof typeof LANGUAGES;
/** LANGS=en (say) makes only those pictures. */
const languages = (process.env['LANGS']?.split(',') ?? Object.keys(LANGUAGES)) as Language[];

async function device(browser: Browser, size: Size, language: Language, colorScheme: 'light' | 'dark'): Promise<PeerPage> {
  const context = await browser.newContext({ ...SIZES[size], locale: LANGUAGES[language].locale, colorScheme });
  return PeerPage.openLink(context, url);
}

/** The tests drive the page in English; the pictures show it in `language`, switched in place. */
async function speak(page: Page, language: Language): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Language|언어)$/ });
  if ((await select.count()) === 0) throw new Error('The page has no Language select: Korean screenshots need it.');
  await select.selectOption({ label: LANGUAGES[language].option });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}

/** A picture in `language` of a page the script drives in English. */
async function shootIn(page: Page, language: Language, name: string): Promise<void> {
  if (language !== 'en') await speak(page, language);
  await shoot(page, name);
  if (language !== 'en') await speak(page, 'en');
}

async function connectedWithChat(browser: Browser, size: Size, language: Language, scheme: 'light' | 'dark'): Promise<void> {
  const [a, b] = [await device(browser, size, 'en', scheme), await device(browser, size, 'en', scheme)];
  await a.connectTo(b);
  await a.chat.send('Hi! Sending you the photos now.');
  await b.chat.waitFor('Hi! Sending you the photos now.', 'theirs');
  await b.chat.send('안녕하세요! 받을게요.');
  await a.chat.waitFor('안녕하세요! 받을게요.', 'theirs');
  await shootIn(a.page, language, `${size}-${language}-${scheme}-connected`);
  await Promise.all([a.page.context().close(), b.page.context().close()]);
}

/** The exchange as a user sees it: A's offer as a QR code, B's answer as a QR code, both connected. */
async function exchange(browser: Browser, language: Language): Promise<void> {
  const [a, b] = [await device(browser, 'phone', 'en', 'light'), await device(browser, 'phone', 'en', 'light')];
  const pages = [a.page, b.page];
  const offer = await a.createOffer();
  await a.qrCode('offer').scrollIntoViewIfNeeded();
  await shootIn(a.page, language, `exchange-${language}-1-offer`);
  await b.paste(offer);
  const answer = await b.readBlob('Answer');
  await b.qrCode('answer').scrollIntoViewIfNeeded();
  await shootIn(b.page, language, `exchange-${language}-2-answer`);
  await a.paste(answer);
  await a.page.waitForFunction(() => document.querySelector('p2p-app')?.shadowRoot?.querySelector('[data-phase="connected"]'));
  await shootIn(a.page, language, `exchange-${language}-3-connected`);
  await Promise.all(pages.map((page) => page.context().close()));
}

// The page loads no fonts (its CSP allows none); Korean text needs a CJK font on the machine.
if (languages.includes('ko') && !execSync('fc-list :lang=ko', { encoding: 'utf8' }).trim()) {
  throw new Error('No Korean font is installed: apt-get install -y fonts-noto-cjk');
}
await mkdir(OUT, { recursive: true });
setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/p2p-direct/');
const browser = await launchChromium();
for (const size of Object.keys(SIZES) as Size[]) {
  for (const language of languages) {
    for (const scheme of SCHEMES) {
      const start = await device(browser, size, language, scheme);
      await shoot(start.page, `${size}-${language}-${scheme}-start`);
      await start.page.context().close();
      await connectedWithChat(browser, size, language, scheme);
    }
  }
}
for (const language of languages) await exchange(browser, language);
await browser.close();
server.close();
