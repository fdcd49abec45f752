import { describe, expect, test } from 'vitest';
import { canStart, INITIAL_STATE, isLinkUp, type SessionState } from '../../../src/core/session/session-state.ts';
import { transition, type SessionEffect, type SessionEvent } from '../../../src/core/session/session-transition.ts';

function run(...events: SessionEvent[]): SessionState {
  return events.reduce((state, event) => transition(state, event).state, INITIAL_STATE);
}

function effects(state: SessionState, event: SessionEvent): readonly SessionEffect[] {
  return transition(state, event).effects;
}

const answering = run({ type: 'offer-received' }, { type: 'gathered', blob: 'A' });
const offerReady = run({ type: 'create-offer' }, { type: 'gathered', blob: 'B' });

describe('transition: states', () => {
  test('offerer path: idle → gathering → offer-ready → connecting → connected', () => {
    expect(run({ type: 'create-offer' })).toEqual({ phase: 'gathering', role: 'offerer' });
    expect(offerReady).toEqual({ phase: 'offer-ready', offer: 'B' });
    expect(run({ type: 'create-offer' }, { type: 'gathered', blob: 'B' }, { type: 'answer-received' }, { type: 'channel-open' })).toEqual({
      phase: 'connected',
      role: 'offerer',
    });
  });

  test('answerer path shows its answer while connecting', () => {
    expect(answering).toEqual({ phase: 'connecting', role: 'answerer', answer: 'A' });
  });

  test('no candidates, timeouts and ICE failure are terminal until reset or a new start', () => {
    expect(run({ type: 'create-offer' }, { type: 'gathered-nothing' })).toEqual({ phase: 'no-candidates', role: 'offerer' });
    const timedOut = transition(answering, { type: 'timeout', afterMs: 3000 }).state;
    expect(timedOut).toEqual({ phase: 'failed', reason: 'timeout', role: 'answerer', afterMs: 3000 });
    expect(transition(timedOut, { type: 'create-offer' }).state).toEqual({ phase: 'gathering', role: 'offerer' });
    expect(transition(timedOut, { type: 'reset' }).state).toBe(INITIAL_STATE);
  });

  test('an interrupted link can recover or fail', () => {
    const connected = transition(answering, { type: 'channel-open' }).state;
    const interrupted = transition(connected, { type: 'ice-interrupted' }).state;
    expect(interrupted.phase).toBe('interrupted');
    expect(isLinkUp(interrupted) && isLinkUp(connected)).toBe(true);
    expect(transition(interrupted, { type: 'ice-restored' }).state).toEqual(connected);
    expect(transition(interrupted, { type: 'ice-failed' }).state).toEqual({ phase: 'failed', reason: 'ice-failed' });
    expect(transition(connected, { type: 'channel-closed', byPeer: true }).state).toEqual({ phase: 'ended', byPeer: true });
  });

  test('events that do not apply return the very same state object and no effects', () => {
    const states: SessionState[] = [INITIAL_STATE, run({ type: 'create-offer' })];
    const ignored: SessionEvent[] = [{ type: 'channel-open' }, { type: 'timeout', afterMs: 1 }, { type: 'ice-restored' }];
    for (const state of states) {
      for (const event of ignored) expect(transition(state, event)).toEqual({ state, effects: [] });
      expect(transition(state, ignored[0]!).state).toBe(state);
    }
    expect(transition(offerReady, { type: 'create-offer' }).state).toBe(offerReady);
    expect(transition(offerReady, { type: 'offer-received' }).state).toBe(offerReady);
    expect(transition(INITIAL_STATE, { type: 'reset' }).effects).toEqual([]);
  });

  test('only idle and the dead phases may start again', () => {
    const startable = [INITIAL_STATE, run({ type: 'create-offer' }, { type: 'gathered-nothing' }), { phase: 'ended', byPeer: false } as const];
    for (const state of startable) expect(canStart(state)).toBe(true);
    for (const state of [offerReady, answering, run({ type: 'create-offer' })]) expect(canStart(state)).toBe(false);
  });
});

describe('transition: a better version of this device’s code', () => {
  const improve = (state: SessionState, blob = 'B2') => transition(state, { type: 'code-improved', blob });

  test('replaces the offer while it waits for an answer, and says it was improved', () => {
    expect(improve(offerReady)).toEqual({ state: { phase: 'offer-ready', offer: 'B2', improved: true }, effects: [] });
    expect(improve(improve(offerReady).state, 'B3').state).toEqual({ phase: 'offer-ready', offer: 'B3', improved: true });
  });

  test('replaces the answer until the channel opens, and its wait to be used goes on unchanged', () => {
    expect(improve(answering, 'A2')).toEqual({
      state: { phase: 'connecting', role: 'answerer', answer: 'A2', improved: true },
      effects: [],
    });
  });

  test('changes nothing once the offerer accepted an answer, once connected, or before the first code', () => {
    const offererConnecting = transition(offerReady, { type: 'answer-received' }).state;
    const connected = transition(answering, { type: 'channel-open' }).state;
    const stays = [offererConnecting, connected, run({ type: 'create-offer' }), run({ type: 'offer-received' }), INITIAL_STATE];
    for (const state of stays) {
      expect(improve(state).state).toBe(state);
      expect(improve(state).effects).toEqual([]);
    }
    expect(improve(offerReady, 'B').state).toBe(offerReady);
    expect(improve(transition(connected, { type: 'ice-interrupted' }).state).effects).toEqual([]);
  });
});

describe('transition: effects', () => {
  test('the offerer waits for the link after the answer; the answerer waits for its answer to be used', () => {
    expect(effects(offerReady, { type: 'answer-received' })).toEqual([{ type: 'start-timeout', timeout: 'connect' }]);
    expect(effects(run({ type: 'offer-received' }), { type: 'gathered', blob: 'A' })).toEqual([
      { type: 'start-timeout', timeout: 'answer' },
    ]);
    expect(effects(run({ type: 'create-offer' }), { type: 'gathered', blob: 'B' })).toEqual([]);
  });

  test('the channel opening before the applied answer is noticed still connects the offerer, impolite', () => {
    // Measured under load: the answerer's checks complete ICE, DTLS and SCTP while the offerer's
    // setRemoteDescription continuation waits its turn; the open event came first and was lost.
    const step = transition(offerReady, { type: 'channel-open' });
    expect(step.state).toEqual({ phase: 'connected', role: 'offerer' });
    expect(step.effects).toEqual([{ type: 'clear-timeout' }, { type: 'attach-features', polite: false }]);
    expect(transition(step.state, { type: 'answer-received' }).state).toBe(step.state);
  });

  test('the answerer of the first exchange is the polite peer', () => {
    const offererConnecting = transition(offerReady, { type: 'answer-received' }).state;
    expect(effects(answering, { type: 'channel-open' })).toEqual([
      { type: 'clear-timeout' },
      { type: 'attach-features', polite: true },
    ]);
    expect(effects(offererConnecting, { type: 'channel-open' })).toContainEqual({ type: 'attach-features', polite: false });
  });

  test('entering a dead phase closes the connection; reset says bye first and clears the features', () => {
    const connected = transition(answering, { type: 'channel-open' }).state;
    const close = [{ type: 'close-connection' }];
    expect(effects(answering, { type: 'timeout', afterMs: 1 })).toEqual(close);
    expect(effects(connected, { type: 'ice-failed' })).toEqual(close);
    expect(effects(connected, { type: 'channel-closed', byPeer: false })).toEqual(close);
    expect(effects(run({ type: 'create-offer' }), { type: 'gathered-nothing' })).toEqual(close);
    expect(effects(run({ type: 'create-offer' }), { type: 'browser-error', detail: 'x' })).toEqual(close);
    expect(effects(connected, { type: 'reset' })).toEqual([
      { type: 'send-bye' },
      { type: 'close-connection' },
      { type: 'reset-features' },
    ]);
  });
});

describe('transition: a relay that did not come', () => {
  const refused = { code: 'credentials-refused', errorCode: 401 } as const;

  test('stays with the code it belongs to, for the offerer and the answerer', () => {
    expect(run({ type: 'create-offer' }, { type: 'gathered', blob: 'B', relay: refused })).toEqual({
      phase: 'offer-ready',
      offer: 'B',
      relay: refused,
    });
    expect(run({ type: 'offer-received' }, { type: 'gathered', blob: 'A', relay: refused })).toMatchObject({ answer: 'A', relay: refused });
    expect(run({ type: 'create-offer' }, { type: 'gathered-nothing', relay: { code: 'no-relay' } })).toEqual({
      phase: 'no-candidates',
      role: 'offerer',
      relay: { code: 'no-relay' },
    });
  });

  test('an improved code that has its relay clears the problem', () => {
    const ready = run({ type: 'create-offer' }, { type: 'gathered', blob: 'B', relay: refused });
    expect(transition(ready, { type: 'code-improved', blob: 'B2' }).state).toEqual({ phase: 'offer-ready', offer: 'B2', improved: true });
  });
});
