// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { DiagnosisCode } from '../../../src/core/session/link-diagnosis.ts';
import { setLocale } from '../../../src/ui/locale/localization.ts';
import { diagnosisText } from '../../../src/ui/text/diagnosis-text.ts';

// Record<DiagnosisCode, true>: a code added to the core without being listed here fails to compile.
const CODES = Object.keys({
  'no-local-candidates': true,
  'no-remote-candidates': true,
  'no-relay': true,
  'no-srflx': true,
  'symmetric-nat': true,
  'mdns-only': true,
  'host-only': true,
  'all-pairs-failed': true,
} satisfies Record<DiagnosisCode, true>) as DiagnosisCode[];

afterEach(() => setLocale('en'));

test.each(['en', 'ko'] as const)('%s: every cause has words and a fix of its own, and none claims a link', async (locale) => {
  await setLocale(locale);
  const words = CODES.map(diagnosisText);
  for (const { cause, fix } of words) expect(cause.length * fix.length).toBeGreaterThan(0);
  expect(new Set(words.map((w) => w.cause)).size).toBe(CODES.length);
  expect(new Set(words.map((w) => w.fix)).size).toBe(CODES.length);
  // Only the connected status may say so.
  for (const { cause, fix } of words) expect(cause + fix).not.toMatch(/connected|연결됨/i);
});

test('Korean words differ from the English ones', async () => {
  const english = CODES.map((code) => diagnosisText(code).cause);
  await setLocale('ko');
  CODES.forEach((code, i) => expect(diagnosisText(code).cause).not.toBe(english[i]));
});
