import { describe, expect, test } from 'vitest';
import { planPaste } from '../../../src/core/session/paste-plan.ts';
import type { SessionState } from '../../../src/core/session/session-state.ts';
import type { SignalDescription } from '../../../src/core/signal/index.ts';

const offer = (ufrag: string): SignalDescription => ({ kind: 'offer', sdp: `v=0\r\na=ice-ufrag:${ufrag}\r\n` });
const answer = (ufrag: string): SignalDescription => ({ kind: 'answer', sdp: `v=0\r\na=ice-ufrag:${ufrag}\r\n` });

const idle: SessionState = { phase: 'idle' };
const offerReady: SessionState = { phase: 'offer-ready', offer: 'x' };
const answering: SessionState = { phase: 'connecting', role: 'answerer', answer: 'y' };
const connected: SessionState = { phase: 'connected', role: 'offerer' };

function message(result: ReturnType<typeof planPaste>): string {
  return result.ok ? `ok:${result.value}` : result.error;
}

describe('planPaste', () => {
  test('an offer on a fresh page is answered; an answer after our offer is accepted', () => {
    expect(planPaste(idle, offer('peer'), {})).toEqual({ ok: true, value: 'answer-offer' });
    expect(planPaste(offerReady, answer('peer'), { localUfrag: 'mine' })).toEqual({ ok: true, value: 'accept-answer' });
    expect(planPaste({ phase: 'failed', reason: 'timeout' }, offer('peer'), {}).ok).toBe(true);
  });

  test('our own offer pasted back is recognised', () => {
    expect(message(planPaste(offerReady, offer('mine'), { localUfrag: 'mine' }))).toBe('own-offer');
  });

  test('an offer while waiting for an answer is refused', () => {
    expect(message(planPaste(offerReady, offer('other'), { localUfrag: 'mine' }))).toBe('offer-while-offering');
  });

  test('an answer on a device that made no offer is refused', () => {
    expect(message(planPaste(idle, answer('peer'), {}))).toBe('answer-without-offer');
  });

  test('our own answer pasted back is recognised', () => {
    expect(message(planPaste(answering, answer('mine'), { localUfrag: 'mine', remoteUfrag: 'peer' }))).toBe('own-answer');
  });

  test('the same offer twice, or a second offer while answering', () => {
    expect(message(planPaste(answering, offer('peer'), { localUfrag: 'mine', remoteUfrag: 'peer' }))).toBe('offer-already-answered');
    expect(message(planPaste(answering, offer('third'), { localUfrag: 'mine', remoteUfrag: 'peer' }))).toBe('answering-another-offer');
  });

  test('nothing is applied while connected or still gathering', () => {
    expect(message(planPaste(connected, answer('peer'), {}))).toBe('already-connected');
    expect(message(planPaste({ phase: 'gathering', role: 'offerer' }, answer('peer'), {}))).toBe('still-preparing');
  });
});

describe('planPaste with tagged answers', () => {
  test('an answer made for a different offer is refused before it reaches the browser', async () => {
    const { offerTag } = await import('../../../src/core/signal/index.ts');
    const tagged = { ...answer('peer'), offerTag: offerTag('mine') };
    expect(planPaste(offerReady, tagged, { localUfrag: 'mine' }).ok).toBe(true);
    const stale = { ...answer('peer'), offerTag: offerTag('mine') ^ 0x5a };
    expect(message(planPaste(offerReady, stale, { localUfrag: 'mine' }))).toBe('answer-for-another-offer');
  });
});
