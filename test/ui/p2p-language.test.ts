// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getLocale, LocaleChoice, setLocale } from '../../src/ui/locale/localization.ts';
import { formatDuration, formatBytes } from '../../src/ui/text/transfer-text.ts';
import { chromium, openPage, status, until } from './app-page.ts';
import { allByRole, button, getByRole, recordEvents, visibleText } from './mount.ts';

/** The page's language: from the browser, switched by the Language select, remembered. */

function memoryStore(saved: string | null = null) {
  const store = { saved, load: () => store.saved, save: (locale: string) => void (store.saved = locale) };
  return store;
}

const select = (page: HTMLElement, name: string) => getByRole(page, 'combobox', name) as HTMLSelectElement;

function pick(page: HTMLElement, name: string, locale: string): void {
  const control = select(page, name);
  control.value = locale;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

let unwire: (() => void) | undefined;
/** As src/main.ts wires it: the select asks, the choice applies and remembers. */
function wire(choice: LocaleChoice): void {
  const listener = (event: CustomEvent<{ locale: string }>) => void choice.choose(event.detail.locale);
  document.addEventListener('p2p-locale-change', listener);
  unwire = () => document.removeEventListener('p2p-locale-change', listener);
}

beforeEach(() => setLocale('en'));
afterEach(() => unwire?.());

describe('a Korean browser (navigator.languages ko-KR)', () => {
  test('gets the Korean page: status, buttons, boxes, the Language select, the document language', async () => {
    await new LocaleChoice(memoryStore(), ['ko-KR', 'en-US']).start();
    const page = await openPage(chromium);
    expect(status(page)).toBe('준비됐어요. 초대 코드를 만들거나, 상대 기기에 보이는 코드를 붙여넣으세요.');
    expect(getByRole(page, 'textbox', '초대 코드나 응답 코드 붙여넣기')).toBeTruthy();
    expect(allByRole(select(page, '언어'), 'option').map(visibleText)).toEqual(['English', '한국어']);
    expect(select(page, '언어').value).toBe('ko');
    expect([document.documentElement.lang, document.title]).toEqual(['ko', 'P2P Direct — 서버 없이 두 기기 연결하기']);
    button(page, '초대 코드 만들기').click();
    await until(page, () => expect(status(page)).toMatch(/^초대 코드가 준비됐어요\./));
    expect((getByRole(page, 'textbox', '초대 코드') as HTMLTextAreaElement).value.length).toBeGreaterThan(20);
    expect(getByRole(page, 'img', '초대 코드 QR')).toBeTruthy();
    expect(button(page, '복사')).toBeTruthy();
  });

  test('sizes and durations in Korean words', async () => {
    await setLocale('ko');
    expect([formatDuration(42), formatDuration(125), formatDuration(3720)]).toEqual(['42초', '2분 5초', '1시간 2분']);
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
  });
});

describe('the Language select', () => {
  test('switches the page at once, in the middle of a session, and the choice is remembered', async () => {
    const store = memoryStore();
    const choice = new LocaleChoice(store, ['ko-KR']);
    await choice.start();
    wire(choice);
    const page = await openPage(chromium);
    button(page, '초대 코드 만들기').click();
    await until(page, () => expect(status(page)).toMatch(/^초대 코드가 준비됐어요\./));
    const offer = (getByRole(page, 'textbox', '초대 코드') as HTMLTextAreaElement).value;
    const asked = recordEvents<{ locale: string }>('p2p-locale-change');

    pick(page, '언어', 'en');
    await until(page, () => expect(status(page)).toBe('Offer ready. Send it to the other device, then paste their answer below.'));
    expect(asked).toEqual([{ locale: 'en' }]);
    expect((getByRole(page, 'textbox', 'Offer') as HTMLTextAreaElement).value).toBe(offer);
    expect(select(page, 'Language').value).toBe('en');
    expect([store.saved, document.documentElement.lang]).toEqual(['en', 'en']);

    // The next visit: the remembered choice wins over the browser's Korean.
    await new LocaleChoice(store, ['ko-KR']).start();
    expect(getLocale()).toBe('en');
  });

  test('a language the page does not have falls back to English', async () => {
    const store = memoryStore('xx');
    await new LocaleChoice(store, ['fr-FR']).start();
    expect(getLocale()).toBe('en');
  });
});
