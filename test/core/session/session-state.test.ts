import { describe, expect, test } from 'vitest';
import { INITIAL_STATE, transition, type SessionEvent, type SessionState } from '../../../src/core/session/session-state.ts';

function run(...events: SessionEvent[]): SessionState {
  return events.reduce(transition, INITIAL_STATE);
}

describe('transition', () => {
  test('offerer path: idle → gathering → offer-ready → connecting → connected', () => {
    expect(run({ type: 'create-offer' })).toEqual({ phase: 'gathering', role: 'offerer' });
    expect(run({ type: 'create-offer' }, { type: 'gathered', blob: 'B' })).toEqual({ phase: 'offer-ready', offer: 'B' });
    expect(run({ type: 'create-offer' }, { type: 'gathered', blob: 'B' }, { type: 'answer-received' }, { type: 'channel-open' })).toEqual({
      phase: 'connected',
      role: 'offerer',
    });
  });

  test('answerer path shows its answer while connecting', () => {
    expect(run({ type: 'offer-received' }, { type: 'gathered', blob: 'A' })).toEqual({
      phase: 'connecting',
      role: 'answerer',
      answer: 'A',
    });
  });

  test('no candidates, timeouts and ICE failure are terminal until reset or a new start', () => {
    expect(run({ type: 'create-offer' }, { type: 'gathered-nothing' })).toEqual({ phase: 'no-candidates', role: 'offerer' });
    const timedOut = run({ type: 'offer-received' }, { type: 'gathered', blob: 'A' }, { type: 'timeout' });
    expect(timedOut).toEqual({ phase: 'failed', reason: 'timeout', role: 'answerer' });
    expect(transition(timedOut, { type: 'create-offer' })).toEqual({ phase: 'gathering', role: 'offerer' });
    expect(transition(timedOut, { type: 'reset' })).toBe(INITIAL_STATE);
  });

  test('an interrupted link can recover or fail', () => {
    const connected = run({ type: 'offer-received' }, { type: 'gathered', blob: 'A' }, { type: 'channel-open' });
    const interrupted = transition(connected, { type: 'ice-interrupted' });
    expect(interrupted.phase).toBe('interrupted');
    expect(transition(interrupted, { type: 'ice-restored' })).toEqual(connected);
    expect(transition(interrupted, { type: 'ice-failed' })).toEqual({ phase: 'failed', reason: 'ice-failed' });
    expect(transition(connected, { type: 'channel-closed', byPeer: true })).toEqual({ phase: 'ended', byPeer: true });
  });

  test('events that do not apply return the very same state object', () => {
    const states: SessionState[] = [
      INITIAL_STATE,
      run({ type: 'create-offer' }),
      run({ type: 'create-offer' }, { type: 'gathered', blob: 'B' }),
    ];
    const ignored: SessionEvent[] = [{ type: 'channel-open' }, { type: 'timeout' }, { type: 'ice-restored' }];
    for (const state of states) for (const event of ignored) expect(transition(state, event)).toBe(state);
    const offerReady = states[2]!;
    expect(transition(offerReady, { type: 'create-offer' })).toBe(offerReady);
    expect(transition(offerReady, { type: 'offer-received' })).toBe(offerReady);
  });
});
