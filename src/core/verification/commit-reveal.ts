import { fromHex, newNonce, sameBytes, toHex } from './verification-bytes.ts';
import { commitmentTo } from './verification-code.ts';
import type { VerificationMessage } from './verification-messages.ts';

/** The link's roles: the offerer made the offer that this link's connection answered. */
export type ExchangeRole = 'offerer' | 'answerer';

/** Why an exchange cannot give a code: either side breaking the order, or a reveal that is not what was committed. */
export type ExchangeFault = 'out-of-order' | 'commitment-mismatch';

export type ExchangeResult =
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly offererNonce: Uint8Array; readonly answererNonce: Uint8Array }
  | { readonly kind: 'broken'; readonly fault: ExchangeFault };

type Stage = 'idle' | 'committed' | 'nonce-sent' | 'done' | 'broken';

/**
 * One link's commit–reveal. Neither side ever learns the other's nonce before its own is fixed:
 * the offerer's is fixed by its commitment, sent first; the answerer's is sent only after that
 * commitment arrived; the offerer reveals only after the answerer's nonce arrived. So no code can
 * be computed before both nonces are in, and neither side can steer the code by choosing last.
 */
export class CommitReveal {
  private stage: Stage = 'idle';
  private peerCommitment: Uint8Array | undefined;
  private outcome: ExchangeResult = { kind: 'pending' };

  constructor(
    readonly role: ExchangeRole,
    private readonly send: (message: VerificationMessage) => void,
    private readonly nonce: Uint8Array = newNonce(),
  ) {}

  get result(): ExchangeResult {
    return this.outcome;
  }

  /** The offerer opens with its commitment; the answerer waits for it. */
  start(): void {
    if (this.role !== 'offerer' || this.stage !== 'idle') return;
    this.stage = 'committed';
    this.send({ type: 'verify-commit', commitment: toHex(commitmentTo(this.nonce)) });
  }

  receive(message: VerificationMessage): ExchangeResult {
    if (this.stage === 'broken') return this.outcome;
    const expected = this.role === 'offerer' ? 'verify-nonce' : this.stage === 'idle' ? 'verify-commit' : 'verify-reveal';
    const waiting = this.role === 'offerer' ? this.stage === 'committed' : this.stage === 'idle' || this.stage === 'nonce-sent';
    if (!waiting || message.type !== expected) return this.fail('out-of-order');
    switch (message.type) {
      case 'verify-commit':
        this.peerCommitment = fromHex(message.commitment);
        this.stage = 'nonce-sent';
        this.send({ type: 'verify-nonce', nonce: toHex(this.nonce) });
        return this.outcome;
      case 'verify-nonce':
        this.send({ type: 'verify-reveal', nonce: toHex(this.nonce) });
        return this.finish(this.nonce, fromHex(message.nonce));
      case 'verify-reveal': {
        const revealed = fromHex(message.nonce);
        const kept = this.peerCommitment !== undefined && sameBytes(commitmentTo(revealed), this.peerCommitment);
        return kept ? this.finish(revealed, this.nonce) : this.fail('commitment-mismatch');
      }
    }
  }

  private finish(offererNonce: Uint8Array, answererNonce: Uint8Array): ExchangeResult {
    this.stage = 'done';
    return (this.outcome = { kind: 'done', offererNonce, answererNonce });
  }

  private fail(fault: ExchangeFault): ExchangeResult {
    this.stage = 'broken';
    return (this.outcome = { kind: 'broken', fault });
  }
}
