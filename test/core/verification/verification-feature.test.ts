import { describe, expect, test } from 'vitest';
import type { UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import type { FeatureLink } from '../../../src/core/session/feature.ts';
import { VerificationFeature } from '../../../src/core/verification/verification-feature.ts';
import { until } from '../../helpers/session-peers.ts';

const sdp = (fingerprint: string) => `v=0\r\na=fingerprint:sha-256 ${fingerprint}\r\n`;
const FP = { offerer: 'AA:AA:01', answerer: 'BB:BB:02', stranger: 'CC:CC:03' };

interface Side {
  readonly feature: VerificationFeature;
  readonly ended: string[];
  readonly verifiedStore: Set<string>;
  /** What this side sent; a test may rewrite it before the other side receives it. */
  readonly outbox: UncheckedMessage[];
}

function side(verifiedStore = new Set<string>()): Side {
  const ended: string[] = [];
  const identity = {
    isVerified: async (fingerprint: string) => verifiedStore.has(fingerprint),
    rememberVerified: async (fingerprint: string) => void verifiedStore.add(fingerprint),
  };
  const feature: VerificationFeature = new VerificationFeature(identity, () => (ended.push('ended'), feature.reset()));
  return { feature, ended, verifiedStore, outbox: [] };
}

function attach(self: Side, polite: boolean, local: string, remote: string): void {
  const pc = { localDescription: { type: 'offer', sdp: sdp(local) }, remoteDescription: { type: 'answer', sdp: sdp(remote) } };
  const link: FeatureLink = { pc: pc as RTCPeerConnection, polite, send: (message) => (self.outbox.push(message as UncheckedMessage), true), connected: () => true };
  self.feature.attach(link);
}

/** Delivers queued messages both ways until neither side has more, through `tamper` if given. */
async function deliver(a: Side, b: Side, tamper: (message: UncheckedMessage) => UncheckedMessage = (m) => m): Promise<void> {
  for (;;) {
    await Promise.all([a.feature.settled, b.feature.settled]);
    if (!a.outbox.length && !b.outbox.length) return;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (const message of from.outbox.splice(0)) to.feature.handle(tamper(message));
    }
  }
}

function linked(a = side(), b = side(), fingerprints = FP) {
  attach(a, false, fingerprints.offerer, fingerprints.answerer);
  attach(b, true, fingerprints.answerer, fingerprints.offerer);
  a.feature.resume();
  b.feature.resume();
  return { a, b };
}

const codeOf = (s: Side) => (s.feature.state.phase === 'ready' ? s.feature.state.code : undefined);

describe('VerificationFeature', () => {
  test('two honest ends show the same six digits, unchecked until the people say so', async () => {
    const { a, b } = linked();
    expect(a.feature.state).toEqual({ phase: 'exchanging' });
    await a.feature.settled;
    // Loaded, committed, and still no code: the answerer's nonce has not arrived.
    expect(a.outbox.map((message) => message.type)).toEqual(['verify-commit']);
    expect(a.feature.state).toEqual({ phase: 'exchanging' });
    await deliver(a, b);
    expect(codeOf(a)).toMatch(/^\d{6}$/);
    expect(codeOf(b)).toBe(codeOf(a));
    expect([a.feature.verified, b.feature.verified]).toEqual([false, false]);
  });

  test('each end of a man in the middle sees a different code (its links have different fingerprints)', async () => {
    const { a, b: m1 } = linked(side(), side(), { ...FP, answerer: FP.stranger });
    const { a: m2, b } = linked(side(), side(), { ...FP, offerer: FP.stranger });
    await deliver(a, m1);
    await deliver(m2, b);
    expect(codeOf(a)).toBe(codeOf(m1));
    expect(codeOf(a)).not.toBe(codeOf(b));
  });

  test('a peer whose reveal does not match its commitment ends the link', async () => {
    const { a, b } = linked();
    await deliver(a, b, (message) => (message.type === 'verify-reveal' ? { ...message, nonce: '0'.repeat(32) } : message));
    expect(b.ended).toEqual(['ended']);
    expect(b.feature.ending).toBe('commitment-mismatch');
    expect(b.feature.state).toEqual({ phase: 'idle' });
  });

  test('malformed or out-of-turn verification messages end the link', async () => {
    for (const message of [{ type: 'verify-commit', commitment: 'xyz' }, { type: 'verify-reveal', nonce: '0'.repeat(32) }]) {
      const { b } = linked();
      b.feature.handle(message);
      await b.feature.settled;
      expect(b.feature.ending).toBe('out-of-order');
    }
  });

  test('"Codes don\'t match" ends the link with its reason; the next link clears it', async () => {
    const { a, b } = linked();
    await deliver(a, b);
    a.feature.reject();
    expect(a.ended).toEqual(['ended']);
    expect(a.feature.ending).toBe('codes-differ');
    attach(a, false, FP.offerer, FP.answerer);
    expect(a.feature.ending).toBeUndefined();
  });

  test('"Codes match" is remembered for that device: a later link with it says verified before, another device does not', async () => {
    const store = new Set<string>();
    let { a, b } = linked(side(store));
    await deliver(a, b);
    a.feature.confirm();
    expect(a.feature.state).toMatchObject({ trust: 'confirmed' });
    await until(() => store.has(`sha-256 ${FP.answerer}`));

    // A new session with the same device (the same certificate): verified before.
    ({ a, b } = linked(side(store)));
    await deliver(a, b);
    await until(() => a.feature.state.phase === 'ready' && a.feature.state.trust === 'verified-before');
    expect(a.feature.verified).toBe(true);

    ({ a, b } = linked(side(store), side(), { ...FP, answerer: FP.stranger }));
    await deliver(a, b);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.feature.state).toMatchObject({ trust: 'unchecked' });
  });

  test('a reconnect in the same conversation to the confirmed device needs no second look', async () => {
    let { a, b } = linked();
    await deliver(a, b);
    a.feature.confirm();
    a.feature.detach();
    b.feature.detach();
    ({ a, b } = linked(a, b));
    await deliver(a, b);
    expect(a.feature.state).toMatchObject({ trust: 'verified-before' });
    expect(b.feature.state).toMatchObject({ trust: 'unchecked' });
  });

  test('a link whose descriptions name no fingerprint has no code to compare', async () => {
    const a = side();
    const b = side();
    attach(a, false, FP.offerer, FP.answerer);
    attach(b, true, FP.answerer, FP.offerer);
    const link: FeatureLink = { pc: { localDescription: null, remoteDescription: null } as RTCPeerConnection, polite: true, send: (m) => (b.outbox.push(m as UncheckedMessage), true), connected: () => true };
    b.feature.attach(link);
    a.feature.resume();
    await deliver(a, b);
    expect(b.feature.state).toEqual({ phase: 'unavailable' });
  });
});
