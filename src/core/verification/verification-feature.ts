import type { UncheckedMessage } from '../channel/control-messages.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { ExchangeFault } from './commit-reveal.ts';
import type { LinkVerification } from './link-verification.ts';
import { VERIFICATION_MESSAGE_TYPES } from './verification-messages.ts';

/** Whether the people have compared this link's code: not yet, now, or on an earlier link with the same device. */
export type CodeTrust = 'unchecked' | 'confirmed' | 'verified-before';

export type VerificationState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exchanging' }
  /** A description without a DTLS fingerprint: nothing to bind a code to. */
  | { readonly phase: 'unavailable' }
  | { readonly phase: 'ready'; readonly code: string; readonly trust: CodeTrust };

/** Why this device ended a link over its verification: the people saw different codes, or the peer broke the exchange. */
export type VerificationEnding = 'codes-differ' | ExchangeFault;

/**
 * The code two people compare to know that no one swapped the offer or the answer on the way.
 * Each link runs its own commit–reveal (commit-reveal.ts) over the control channel and derives
 * six digits from both nonces and the fingerprints of the descriptions applied. A peer that breaks
 * the exchange, or people who say the codes differ, end the link: it may run through someone else.
 */
export class VerificationFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = VERIFICATION_MESSAGE_TYPES;
  private current: VerificationState = { phase: 'idle' };
  private link: FeatureLink | undefined;
  private exchange: LinkVerification | undefined;
  /** The link's steps in arrival order, each after the exchange's module has loaded. */
  private steps: Promise<void> = Promise.resolve();
  private peerFingerprint: string | undefined;
  /** The device whose code the people confirmed in this conversation: a reconnect to it needs no second look. */
  private confirmedFingerprint: string | undefined;
  private lastEnding: VerificationEnding | undefined;

  constructor(
    private readonly identity: Pick<DeviceIdentity, 'isVerified' | 'rememberVerified'> | undefined,
    /** Ends the link and the conversation (the session's reset): whatever it carried may be someone else's. */
    private readonly endLink: () => void,
  ) {
    super();
  }

  get state(): VerificationState {
    return this.current;
  }

  /** Why the last link was ended here, until the next link opens or the session starts over. */
  get ending(): VerificationEnding | undefined {
    return this.lastEnding;
  }

  /** Whether the people have checked that this link reaches the device they mean. */
  get verified(): boolean {
    return this.current.phase === 'ready' && this.current.trust !== 'unchecked';
  }

  /** Settles once every step received so far has been taken (tests wait on it). */
  get settled(): Promise<void> {
    return this.steps;
  }

  attach(link: FeatureLink): void {
    this.link = link;
    this.lastEnding = this.peerFingerprint = this.exchange = undefined;
    this.set({ phase: 'exchanging' });
    this.steps = import('./exchange.ts').then(
      (loaded) => void (this.link === link && (this.exchange = new loaded.LinkVerification(link))),
      () => void (this.link === link && this.set({ phase: 'unavailable' })),
    );
  }

  /** After the hellos: a replaced conversation resets features, so the exchange must not begin before. */
  resume(): void {
    this.step(() => this.exchange?.start());
  }

  handle(message: UncheckedMessage): void {
    this.step(() => this.take(message));
  }

  private step(act: () => void): void {
    const link = this.link;
    this.steps = this.steps.then(() => (this.link === link ? act() : undefined));
  }

  private take(message: UncheckedMessage): void {
    const step = this.exchange?.receive(message);
    if (step?.kind === 'broken') return this.end(step.fault);
    if (step?.kind === 'unavailable') return this.set({ phase: 'unavailable' });
    if (step?.kind === 'done') this.settle(step.code, step.peerFingerprint);
  }

  detach(): void {
    this.link = undefined;
    this.exchange = undefined;
  }

  reset(): void {
    this.detach();
    this.confirmedFingerprint = this.peerFingerprint = this.lastEnding = undefined;
    this.set({ phase: 'idle' });
  }

  /** The people read the same code on both screens. */
  confirm(): void {
    const fingerprint = this.peerFingerprint;
    if (this.current.phase !== 'ready' || this.current.trust !== 'unchecked' || !fingerprint) return;
    this.confirmedFingerprint = fingerprint;
    this.set({ ...this.current, trust: 'confirmed' });
    void this.identity?.rememberVerified(fingerprint).catch(() => undefined);
  }

  /** The people read different codes: the link goes, with a warning that says why. */
  reject(): void {
    if (this.current.phase === 'ready') this.end('codes-differ');
  }

  private settle(code: string, peer: string): void {
    const link = this.link;
    this.peerFingerprint = peer;
    const sameAsConfirmed = peer === this.confirmedFingerprint;
    this.set({ phase: 'ready', code, trust: sameAsConfirmed ? 'verified-before' : 'unchecked' });
    if (sameAsConfirmed || !this.identity) return;
    void this.identity.isVerified(peer).then(
      (before) => before && this.link === link && this.current.phase === 'ready' && this.set({ ...this.current, trust: 'verified-before' }),
      () => undefined,
    );
  }

  private end(ending: VerificationEnding): void {
    this.endLink();
    // After the reset that endLink() runs, which forgets everything else.
    this.lastEnding = ending;
    this.notify('change');
  }

  private set(state: VerificationState): void {
    this.current = state;
    this.notify('change');
  }
}
