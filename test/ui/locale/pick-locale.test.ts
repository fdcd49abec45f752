import { expect, test } from 'vitest';
import { pickLocale } from '../../../src/ui/locale/pick-locale.ts';

const available = ['en', 'ko'] as const;

test('a regional tag finds its language, in any case', () => {
  expect(pickLocale(['ko-KR'], available, 'en')).toBe('ko');
  expect(pickLocale(['KO'], available, 'en')).toBe('ko');
  expect(pickLocale(['en-GB', 'ko'], available, 'en')).toBe('en');
});

test('the first language the page speaks wins; unknown ones are skipped', () => {
  expect(pickLocale(['fr-FR', 'ja', 'ko', 'en'], available, 'en')).toBe('ko');
  expect(pickLocale([null, undefined, '', 'ko-KR'], available, 'en')).toBe('ko');
});

test('nothing the page speaks: the fallback', () => {
  expect(pickLocale(['fr', 'de-DE'], available, 'en')).toBe('en');
  expect(pickLocale([], available, 'ko')).toBe('ko');
});

test('a language is not matched by a prefix of its name', () => {
  expect(pickLocale(['kok'], available, 'en')).toBe('en');
});
