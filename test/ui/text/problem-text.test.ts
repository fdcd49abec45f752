import { expect, test } from 'vitest';
import type { BlobProblem, PasteRefusal } from '../../../src/core/session/paste-plan.ts';
import { DECODE_ERROR_CODES } from '../../../src/core/signal/index.ts';
import type { Problem } from '../../../src/ui/problems.ts';
import { problemText } from '../../../src/ui/text/problem-text.ts';

const refusals: PasteRefusal[] = [
  'still-preparing',
  'already-connected',
  'own-offer',
  'offer-while-offering',
  'offer-already-answered',
  'answering-another-offer',
  'answer-for-another-offer',
  'own-answer',
  'answer-already-applied',
  'answer-without-offer',
];
const blobProblems: BlobProblem[] = [
  ...refusals.map((code) => ({ kind: 'refused', code }) as const),
  ...DECODE_ERROR_CODES.map((code) => ({ kind: 'unreadable', code }) as const),
  { kind: 'cannot-start', detail: 'Invalid URL' },
  { kind: 'browser-refused', code: 'offer', detail: 'bad fingerprint' },
];
const others: Problem[] = [
  ...(['insecure', 'denied', 'no-device', 'busy', 'unknown'] as const).flatMap((code) => [
    { kind: 'scan-camera', code } as const,
    { kind: 'call-media', code, detail: 'it broke' } as const,
  ]),
  { kind: 'no-qr-in-image' },
  { kind: 'address-camera-refused' },
  { kind: 'chat', code: 'not-connected' },
  { kind: 'settings-repaired' },
];

test('every problem is worded as whole sentences, each different from the others', () => {
  const texts = [...blobProblems.map((problem) => ({ kind: 'code', via: 'paste', problem }) as const), ...others].map(problemText);
  for (const text of texts) expect(text).toMatch(/^[A-Z].*[.)]$/);
  const perKind = new Set(texts);
  expect(perKind.size).toBe(texts.length);
});

test('a code that came by link says so, and keeps the reason', () => {
  const problem: BlobProblem = { kind: 'refused', code: 'own-answer' };
  expect(problemText({ kind: 'code', via: 'link', problem })).toBe(
    `The link you opened cannot be used here. ${problemText({ kind: 'code', via: 'paste', problem })}`,
  );
});

test('the browser’s own words are kept when it refuses a description or a device', () => {
  expect(problemText({ kind: 'code', via: 'paste', problem: blobProblems.at(-1)! })).toContain('bad fingerprint');
  expect(problemText({ kind: 'call-media', code: 'unknown', detail: 'it broke' })).toContain('it broke');
});

test('a connection the browser cannot make is worded the same from Create offer and from a paste, with its words', () => {
  const problem = { kind: 'cannot-start', detail: 'Invalid URL' } as const;
  expect(problemText(problem)).toBe(problemText({ kind: 'code', via: 'paste', problem }));
  expect(problemText(problem)).toContain('(Invalid URL)');
});
