import { expect, test } from 'vitest';
import type { SessionState } from '../../../src/core/session/session-state.ts';
import { statusText } from '../../../src/ui/text/status-text.ts';

const states: SessionState[] = [
  { phase: 'idle' },
  { phase: 'gathering', role: 'offerer' },
  { phase: 'gathering', role: 'answerer' },
  { phase: 'offer-ready', offer: 'x' },
  { phase: 'connecting', role: 'offerer' },
  { phase: 'connecting', role: 'answerer', answer: 'y' },
  { phase: 'interrupted', role: 'offerer' },
  { phase: 'no-candidates', role: 'offerer' },
  { phase: 'failed', reason: 'timeout' },
  { phase: 'failed', reason: 'ice-failed' },
  { phase: 'failed', reason: 'browser-error', detail: 'x' },
  { phase: 'ended', byPeer: true },
  { phase: 'ended', byPeer: false },
];

test('only the connected phase says "connected"', () => {
  expect(statusText({ phase: 'connected', role: 'offerer' })).toBe('Connected');
  for (const state of states) expect(statusText(state)).not.toMatch(/connected/i);
});

test('a timeout names its length', () => {
  expect(statusText({ phase: 'failed', reason: 'timeout', afterMs: 12_000 })).toMatch(/within 12 s/);
});
