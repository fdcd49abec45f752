import type { UncheckedMessage } from '../channel/control-messages.ts';
import { dtlsFingerprint } from '../device/dtls-fingerprint.ts';
import type { FeatureLink } from '../session/feature.ts';
import { CommitReveal, type ExchangeFault } from './commit-reveal.ts';
import { verificationCode } from './verification-code.ts';
import { parseVerificationMessage } from './verification-messages.ts';

export type LinkVerificationStep =
  | { readonly kind: 'pending' }
  | { readonly kind: 'broken'; readonly fault: ExchangeFault }
  /** The descriptions name no DTLS fingerprint: nothing to bind a code to. */
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'done'; readonly code: string; readonly peerFingerprint: string };

/**
 * One link's exchange and its code: the commit–reveal over the link's control channel, then the
 * six digits from both nonces and the fingerprints of the descriptions this link applied.
 */
export class LinkVerification {
  private readonly exchange: CommitReveal;

  constructor(private readonly link: FeatureLink) {
    this.exchange = new CommitReveal(link.polite ? 'answerer' : 'offerer', (message) => link.send(message));
  }

  start(): void {
    this.exchange.start();
  }

  receive(message: UncheckedMessage): LinkVerificationStep {
    const parsed = parseVerificationMessage(message);
    const result = parsed.ok ? this.exchange.receive(parsed.value) : ({ kind: 'broken', fault: 'out-of-order' } as const);
    if (result.kind !== 'done') return result;
    const own = dtlsFingerprint(this.link.pc.localDescription?.sdp ?? '');
    const peer = dtlsFingerprint(this.link.pc.remoteDescription?.sdp ?? '');
    if (!own || !peer) return { kind: 'unavailable' };
    const [offererFingerprint, answererFingerprint] = this.link.polite ? [peer, own] : [own, peer];
    const code = verificationCode({ ...result, offererFingerprint, answererFingerprint });
    return { kind: 'done', code, peerFingerprint: peer };
  }
}
