import { expect, test } from 'vitest';
import { ICE_SERVER_PROBLEMS } from '../../../src/core/settings/ice-server-check.ts';
import { iceServerProblemText, settingsRefusalText } from '../../../src/ui/text/settings-text.ts';

test('every ICE server problem is one distinct sentence', () => {
  const texts = ICE_SERVER_PROBLEMS.map(iceServerProblemText);
  for (const text of texts) expect(text).toMatch(/^[A-Z].*\.$/);
  expect(new Set(texts).size).toBe(ICE_SERVER_PROBLEMS.length);
});

test('a refusal names the server, or keeps the browser’s words', () => {
  expect(settingsRefusalText({ kind: 'invalid-server', index: 2, problems: ['bad-port'] })).toBe('Server 3 cannot be used, so nothing was saved.');
  expect(settingsRefusalText({ kind: 'browser-refused', detail: 'Invalid URL' })).toContain('(Invalid URL)');
});
