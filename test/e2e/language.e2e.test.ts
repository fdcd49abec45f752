import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { PeerPage } from '../support/page/peer-page.ts';
import { chatBothWays } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

/**
 * The page's language comes from the browser (its locale sets navigator.languages), and the
 * Language select switches it at any time. A Korean page is driven only by its Korean names.
 */

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

/** The names a user reads, in each language: what the devices below are driven by. */
const NAMES = {
  ko: {
    createOffer: '초대 코드 만들기',
    offer: '초대 코드',
    answer: '응답 코드',
    paste: '초대 코드나 응답 코드 붙여넣기',
    offerReady: /^초대 코드가 준비됐어요\./,
    answerReady: /^응답 코드가 준비됐어요\./,
    connected: '연결됨',
    message: '메시지',
    send: '보내기',
    log: '채팅 메시지',
    language: '언어',
  },
  en: {
    createOffer: 'Create offer',
    offer: 'Offer',
    answer: 'Answer',
    paste: 'Paste offer or answer',
    offerReady: /^Offer ready\./,
    answerReady: /^Answer ready\./,
    connected: 'Connected',
    message: 'Message',
    send: 'Send',
    log: 'Chat messages',
    language: 'Language',
  },
};
type Language = keyof typeof NAMES;

/** One device, driven only by the names of the language its page speaks now. */
class Device {
  private constructor(
    readonly page: Page,
    private speaks: Language,
  ) {}

  static async open(from: Browser, locale: 'ko-KR' | 'en-US'): Promise<Device> {
    const page = await (await from.newContext({ locale })).newPage();
    await page.goto(baseUrl);
    const device = new Device(page, locale === 'ko-KR' ? 'ko' : 'en');
    await device.button(device.names.createOffer).waitFor();
    return device;
  }

  get names() {
    return NAMES[this.speaks];
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  box(name: string) {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  get log() {
    return this.page.getByRole('log', { name: this.names.log, exact: true });
  }

  async waitForStatus(text: string | RegExp): Promise<void> {
    const exact = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
    await this.page.getByRole('status').filter({ hasText: exact }).waitFor({ timeout: 20_000 });
  }

  /** Picks a language in the Language select (named in the current one) and waits for the page to speak it. */
  async switchTo(language: Language, status: 'connected'): Promise<void> {
    const label = language === 'ko' ? '한국어' : 'English';
    await this.page.getByRole('combobox', { name: this.names.language, exact: true }).selectOption({ label });
    this.speaks = language;
    await this.waitForStatus(this.names[status]);
  }

  async say(text: string): Promise<void> {
    await this.box(this.names.message).fill(text);
    await this.button(this.names.send).click();
  }

  async waitForMessage(text: string, from: 'mine' | 'theirs'): Promise<void> {
    await this.log.locator(`li[data-from="${from}"]`).filter({ hasText: text }).waitFor({ timeout: 10_000 });
  }

  /** The offer made here, carried by hand to `answerer`, its answer carried back: both connected. */
  async connectTo(answerer: Device): Promise<void> {
    await this.button(this.names.createOffer).click();
    await this.waitForStatus(this.names.offerReady);
    await answerer.box(answerer.names.paste).fill(await this.box(this.names.offer).inputValue());
    await answerer.waitForStatus(answerer.names.answerReady);
    await this.box(this.names.paste).fill(await answerer.box(answerer.names.answer).inputValue());
    await Promise.all([this.waitForStatus(this.names.connected), answerer.waitForStatus(answerer.names.connected)]);
  }
}

describe('a browser in Korean (ko-KR)', () => {
  test('the page is Korean, and two devices connect and chat through it', async () => {
    const [a, b] = [await Device.open(browser(), 'ko-KR'), await Device.open(browser(), 'ko-KR')];
    expect(await a.page.evaluate(() => [document.documentElement.lang, navigator.language])).toEqual(['ko', 'ko-KR']);
    expect(await a.page.title()).toBe('P2P Direct — 서버 없이 두 기기 연결하기');
    await a.waitForStatus('준비됐어요. 초대 코드를 만들거나, 상대 기기에 보이는 코드를 붙여넣으세요.');
    const language = a.page.getByRole('combobox', { name: '언어', exact: true });
    expect(await language.locator('option:checked').textContent()).toBe('한국어');
    expect(await language.locator('option').allTextContents()).toEqual(['English', '한국어']);
    for (const name of ['스캔', '이미지 선택']) await a.page.getByRole('button', { name, exact: true }).waitFor();

    await a.connectTo(b);
    await a.page.getByRole('button', { name: '새 연결', exact: true }).waitFor();
    await a.say('안녕하세요, A예요');
    await b.waitForMessage('안녕하세요, A예요', 'theirs');
    await b.say('반가워요, B예요');
    await a.waitForMessage('반가워요, B예요', 'theirs');
    // The chat's clock is Korean too: 오전/오후 before the time.
    expect(await a.page.getByRole('log').locator('time').first().textContent()).toMatch(/^(오전|오후) \d{2}:\d{2}:\d{2}$/);
    expect(await a.page.getByRole('log').locator('li').first().textContent()).toMatch(/^\s*나 ·/);
  });
});

describe('a browser in English (en-US)', () => {
  test('the page is English: the names the other tests drive it by, and a connection and chat', async () => {
    const open = async () => PeerPage.open(await browser().newContext({ locale: 'en-US' }), baseUrl);
    const [a, b] = [await open(), await open()];
    expect(await a.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await a.page.getByRole('combobox', { name: 'Language', exact: true }).inputValue()).toBe('en');
    await a.waitForStatus('Ready. Create an offer, or paste the one the other device shows.');
    await a.connectTo(b);
    await chatBothWays(a, b);
  });
});

describe('switching the language in the middle of a session', () => {
  test('keeps the connection and the chat, and the page remembers the choice', async () => {
    const [a, b] = [await Device.open(browser(), 'ko-KR'), await Device.open(browser(), 'ko-KR')];
    await a.connectTo(b);
    await a.say('한국어로 보낸 메시지');
    await b.waitForMessage('한국어로 보낸 메시지', 'theirs');

    await a.switchTo('en', 'connected');
    expect(await a.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await a.waitForMessage('한국어로 보낸 메시지', 'mine');
    await b.waitForStatus('연결됨');
    await a.say('and now in English');
    await b.waitForMessage('and now in English', 'theirs');
    await b.say('답장도 잘 와요');
    await a.waitForMessage('답장도 잘 와요', 'theirs');
    expect(await a.log.locator('li').count()).toBe(3);

    // Back and forth once more: still the same link and the same log.
    await a.switchTo('ko', 'connected');
    await a.switchTo('en', 'connected');
    expect(await a.log.locator('li').count()).toBe(3);

    // The next visit on this device opens in English although the browser speaks Korean.
    await a.page.reload();
    await a.button('Create offer').waitFor();
    expect(await a.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
