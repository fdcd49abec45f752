import { describe, expect, it } from 'vitest';
import { getLocale, localeFor, startLocale } from '../../src/cli/locale/cli-locale.ts';
import { progressText } from '../../src/cli/terminal/progress-text.ts';
import { transferEndText } from '../../src/cli/terminal/transfer-text.ts';
import { usage } from '../../src/cli/usage.ts';

describe('the language the terminal speaks', () => {
  it('follows the locale settings as POSIX orders them: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeFor([], { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(localeFor([], { LANG: 'ko' })).toBe('ko');
    expect(localeFor([], { LC_MESSAGES: 'ko_KR.eucKR', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(localeFor([], { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(localeFor([], { LC_ALL: '', LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(localeFor([], { LANG: 'C.UTF-8' })).toBe('en');
    expect(localeFor([], { LANG: 'kok_IN' })).toBe('en');
    expect(localeFor([], {})).toBe('en');
  });

  it('takes --lang over the environment, in either spelling, but not after "--"', () => {
    expect(localeFor(['chat', '--lang', 'ko'], { LANG: 'C' })).toBe('ko');
    expect(localeFor(['--lang=en', 'chat'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(localeFor(['send', '--', '--lang=ko'], {})).toBe('en');
  });

  it('leaves an unknown --lang to the environment (the command line then refuses it)', () => {
    expect(localeFor(['--lang', 'fr'], { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(localeFor(['--lang'], {})).toBe('en');
  });
});

describe('in Korean', () => {
  it('words the help, the progress and the ends of transfers from the catalogue, with no window left behind', async () => {
    expect(usage()).toMatch(/^P2P Direct from a terminal/);
    await startLocale('ko');
    expect(getLocale()).toBe('ko');
    expect('window' in globalThis).toBe(false);
    expect(usage()).toContain('사용법:');
    expect(usage()).toContain('  --lang ko|en          안내 문구의 언어');
    expect(progressText({ bytesDone: 1024, total: 4096, bytesPerSecond: 2e6, secondsLeft: 3 })).toBe('1.00 KiB / 4.00 KiB (25%)  2.0 MB/s  0:03 남음');
    expect(transferEndText({ phase: 'failed', reason: 'hash-mismatch', by: 'me', detail: '' })).toBe('이 컴퓨터에서 실패했어요: SHA-256이 일치하지 않아서 파일을 버렸어요');
  });
});
