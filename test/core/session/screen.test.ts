import { describe, expect, test } from 'vitest';
import { screenFor, stepKey, type Screen } from '../../../src/core/session/screen.ts';
import type { SessionState } from '../../../src/core/session/session-state.ts';

const connect = (state: SessionState) => {
  const screen = screenFor(state);
  if (screen.name !== 'connect') throw new Error(`not a connect screen: ${JSON.stringify(screen)}`);
  return screen;
};

describe('screenFor: one step at a time', () => {
  test('the start, and every dead end, offer both choices again', () => {
    const dead: SessionState[] = [
      { phase: 'idle' },
      { phase: 'no-candidates', role: 'answerer' },
      { phase: 'failed', reason: 'ice-failed' },
      { phase: 'ended', byPeer: true },
    ];
    for (const state of dead) expect(connect(state)).toMatchObject({ step: 'choose', canCreateOffer: true });
    expect(connect({ phase: 'idle' }).atStart).toBe(true);
    expect(connect({ phase: 'ended', byPeer: true }).atStart).toBe(false);
    expect(connect({ phase: 'no-candidates', role: 'answerer' })).toMatchObject({ noAddress: true, role: 'answerer' });
  });

  test('a failed link shows why, when the link could tell', () => {
    expect(connect({ phase: 'failed', reason: 'timeout', diagnosis: ['no-srflx', 'mdns-only'] })).toMatchObject({
      failed: true,
      diagnosis: ['no-srflx', 'mdns-only'],
    });
    expect(connect({ phase: 'failed', reason: 'browser-error' }).diagnosis).toEqual([]);
    expect(connect({ phase: 'idle' }).diagnosis).toEqual([]);
  });

  test('the offerer: preparing, then its offer out and the answer read on the same step, then linking', () => {
    expect(connect({ phase: 'gathering', role: 'offerer' })).toMatchObject({ step: 'preparing', role: 'offerer', canCreateOffer: false });
    expect(connect({ phase: 'offer-ready', offer: 'O1' })).toMatchObject({
      step: 'send-offer',
      outgoing: { kind: 'offer', blob: 'O1', improved: false },
    });
    const linking = connect({ phase: 'connecting', role: 'offerer' });
    expect(linking).toMatchObject({ step: 'linking', role: 'offerer' });
    expect(linking.outgoing).toBeUndefined();
  });

  test('the answerer: only its answer while it waits to be carried back', () => {
    expect(connect({ phase: 'gathering', role: 'answerer' }).step).toBe('preparing');
    expect(connect({ phase: 'connecting', role: 'answerer', answer: 'A2', improved: true })).toMatchObject({
      step: 'send-answer',
      role: 'answerer',
      canCreateOffer: false,
      outgoing: { kind: 'answer', blob: 'A2', improved: true },
    });
  });

  test('an open link is the conversation, live only while ICE is not interrupted', () => {
    expect(screenFor({ phase: 'connected', role: 'answerer' })).toEqual({ name: 'conversation', live: true });
    expect(screenFor({ phase: 'interrupted', role: 'answerer' })).toEqual({ name: 'conversation', live: false });
  });
});

describe('stepKey: when the focus moves', () => {
  const key = (state: SessionState) => stepKey(screenFor(state) as Screen);

  test('an improved code and an interruption are the same step; every real step is another', () => {
    expect(key({ phase: 'offer-ready', offer: 'O1' })).toBe(key({ phase: 'offer-ready', offer: 'O2', improved: true }));
    expect(key({ phase: 'connected', role: 'offerer' })).toBe(key({ phase: 'interrupted', role: 'offerer' }));
    const steps = [
      key({ phase: 'idle' }),
      key({ phase: 'gathering', role: 'offerer' }),
      key({ phase: 'offer-ready', offer: 'O1' }),
      key({ phase: 'connecting', role: 'offerer' }),
      key({ phase: 'connecting', role: 'answerer', answer: 'A1' }),
      key({ phase: 'connected', role: 'offerer' }),
    ];
    expect(new Set(steps).size).toBe(steps.length);
  });
});

test('the relay problem of the code shown, or of the nothing gathered, reaches the screen', () => {
  const relay = { code: 'no-relay' } as const;
  expect(connect({ phase: 'offer-ready', offer: 'x', relay })).toMatchObject({ step: 'send-offer', relay });
  expect(connect({ phase: 'no-candidates', role: 'offerer', relay })).toMatchObject({ noAddress: true, relay });
  expect(connect({ phase: 'offer-ready', offer: 'x' })).not.toHaveProperty('relay');
});
