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
  { phase: 'no-candidates', role: 'offerer', relay: { code: 'credentials-refused', errorCode: 401 } },
  { phase: 'offer-ready', offer: 'x', relay: { code: 'no-relay' } },
  { phase: 'connecting', role: 'answerer', answer: 'y', relay: { code: 'unreachable' } },
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

test('a code without the relay the settings call for is not "ready" as if all were well', () => {
  expect(statusText({ phase: 'offer-ready', offer: 'x' })).toMatch(/^Offer ready\. /);
  expect(statusText({ phase: 'offer-ready', offer: 'x', relay: { code: 'no-relay' } })).toMatch(/^Offer ready, but without a relay/);
  expect(statusText({ phase: 'connecting', role: 'answerer', answer: 'y', relay: { code: 'no-relay' } })).toMatch(/^Answer ready, but without a relay/);
  expect(statusText({ phase: 'no-candidates', role: 'offerer', relay: { code: 'no-turn-server' } })).toMatch(/^No relay address found/);
});
