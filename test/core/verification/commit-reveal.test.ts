import { describe, expect, test } from 'vitest';
import { CommitReveal, type ExchangeResult } from '../../../src/core/verification/commit-reveal.ts';
import { formatCode, newNonce, toHex } from '../../../src/core/verification/verification-bytes.ts';
import { commitmentTo, verificationCode } from '../../../src/core/verification/verification-code.ts';
import type { VerificationMessage } from '../../../src/core/verification/verification-messages.ts';

/** Both roles, each recording what it sent, so a test delivers messages one at a time, in any order. */
function pair() {
  const sent = { offerer: [] as VerificationMessage[], answerer: [] as VerificationMessage[] };
  const offerer = new CommitReveal('offerer', (message) => sent.offerer.push(message));
  const answerer = new CommitReveal('answerer', (message) => sent.answerer.push(message));
  return { offerer, answerer, sent };
}

const fingerprints = { offererFingerprint: 'sha-256 AA:01', answererFingerprint: 'sha-256 BB:02' };
const codeOf = (result: ExchangeResult) => {
  if (result.kind !== 'done') throw new Error(`no code: ${result.kind}`);
  return verificationCode({ ...result, ...fingerprints });
};

describe('CommitReveal', () => {
  test('the offerer commits first; the answerer shows its nonce only after the commitment; the offerer reveals last', () => {
    const { offerer, answerer, sent } = pair();
    answerer.start();
    expect(sent.answerer).toEqual([]);
    offerer.start();
    expect(sent.offerer.map((message) => message.type)).toEqual(['verify-commit']);
    // The commitment says nothing of the nonce, and neither side can compute a code yet.
    expect(offerer.result.kind).toBe('pending');

    expect(answerer.receive(sent.offerer[0]!).kind).toBe('pending');
    expect(sent.answerer.map((message) => message.type)).toEqual(['verify-nonce']);

    const offererResult = offerer.receive(sent.answerer[0]!);
    expect(offererResult.kind).toBe('done');
    expect(sent.offerer.map((message) => message.type)).toEqual(['verify-commit', 'verify-reveal']);
    // The answerer has the offerer's nonce only now, after its own went out.
    expect(answerer.result.kind).toBe('pending');
    const answererResult = answerer.receive(sent.offerer[1]!);
    expect(codeOf(answererResult)).toBe(codeOf(offererResult));
    expect(codeOf(offererResult)).toMatch(/^\d{6}$/);
  });

  test('no code before both nonces: each role with only its own nonce stays pending', () => {
    const { offerer, answerer, sent } = pair();
    offerer.start();
    answerer.receive(sent.offerer[0]!);
    expect([offerer.result.kind, answerer.result.kind]).toEqual(['pending', 'pending']);
  });

  test('a reveal that is not the committed nonce ends the exchange', () => {
    const { offerer, answerer, sent } = pair();
    offerer.start();
    answerer.receive(sent.offerer[0]!);
    offerer.receive(sent.answerer[0]!);
    const forged: VerificationMessage = { type: 'verify-reveal', nonce: toHex(newNonce()) };
    expect(answerer.receive(forged)).toEqual({ kind: 'broken', fault: 'commitment-mismatch' });
    // And stays broken: the real reveal, arriving later, changes nothing.
    expect(answerer.receive(sent.offerer[1]!)).toEqual({ kind: 'broken', fault: 'commitment-mismatch' });
  });

  test('every message out of its turn breaks the exchange', () => {
    const nonce = { type: 'verify-nonce', nonce: toHex(newNonce()) } as const;
    const reveal = { type: 'verify-reveal', nonce: toHex(newNonce()) } as const;
    const commit = { type: 'verify-commit', commitment: toHex(commitmentTo(newNonce())) } as const;
    const cases: [string, (p: ReturnType<typeof pair>) => ExchangeResult][] = [
      ['answerer gets a reveal before any commitment', ({ answerer }) => answerer.receive(reveal)],
      ['answerer gets a nonce', ({ answerer }) => answerer.receive(nonce)],
      ['answerer gets a second commitment', ({ answerer }) => (answerer.receive(commit), answerer.receive(commit))],
      ['offerer gets a commitment', ({ offerer }) => (offerer.start(), offerer.receive(commit))],
      ['offerer gets a nonce before it committed', ({ offerer }) => offerer.receive(nonce)],
      ['offerer gets a second nonce', ({ offerer }) => (offerer.start(), offerer.receive(nonce), offerer.receive(nonce))],
    ];
    for (const [name, act] of cases) expect(act(pair()), name).toEqual({ kind: 'broken', fault: 'out-of-order' });
  });

  test('an answerer nonce sent before the commitment arrived is refused, so it cannot be chosen after a reveal either', () => {
    const { offerer, sent } = pair();
    // The offerer that has not committed has revealed nothing: a nonce now is out of order.
    expect(offerer.receive({ type: 'verify-nonce', nonce: toHex(newNonce()) }).kind).toBe('broken');
    expect(sent.offerer).toEqual([]);
  });
});

describe('verificationCode', () => {
  const offererNonce = Uint8Array.from({ length: 16 }, (_, i) => i);
  const answererNonce = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);
  const base = { offererNonce, answererNonce, ...fingerprints };

  test('depends on both nonces, both fingerprints and the roles', () => {
    const code = verificationCode(base);
    expect(verificationCode(base)).toBe(code);
    const variants = [
      { ...base, offererNonce: answererNonce, answererNonce: offererNonce },
      { ...base, offererFingerprint: 'sha-256 AA:03' },
      { ...base, answererFingerprint: 'sha-256 BB:03' },
      { ...base, offererFingerprint: fingerprints.answererFingerprint, answererFingerprint: fingerprints.offererFingerprint },
      { ...base, answererNonce: Uint8Array.from(answererNonce, (byte, i) => (i === 15 ? byte ^ 1 : byte)) },
    ];
    for (const variant of variants) expect(verificationCode(variant)).not.toBe(code);
  });

  test('spreads over all six digits: 2,000 random exchanges give ~2,000 distinct codes', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2_000; i++) codes.add(verificationCode({ ...base, offererNonce: newNonce() }));
    // Expected collisions among 2,000 draws of 10^6: about 2.
    expect(codes.size).toBeGreaterThan(1_990);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
  });

  test('shows as two groups of three', () => {
    expect(formatCode('012345')).toBe('012 345');
  });
});
