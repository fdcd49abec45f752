import type { UncheckedMessage } from '../channel/control-messages.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import { dtlsFingerprint } from '../device/dtls-fingerprint.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { CommitReveal, ExchangeFault } from './commit-reveal.ts';
import { VERIFICATION_MESSAGE_TYPES } from './verification-messages.ts';

type Exchange = typeof import('./exchange.ts');

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
  private exchange: CommitReveal | undefined;
  private loaded: Exchange | undefined;
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
      (loaded) => {
        if (this.link !== link) return;
        this.loaded = loaded;
        this.exchange = new loaded.CommitReveal(link.polite ? 'answerer' : 'offerer', (message) => link.send(message));
      },
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
    const exchange = this.exchange;
    if (!exchange || !this.loaded) return;
    const parsed = this.loaded.parseVerificationMessage(message);
    const result = parsed.ok ? exchange.receive(parsed.value) : ({ kind: 'broken', fault: 'out-of-order' } as const);
    if (result.kind === 'broken') return this.end(result.fault);
    if (result.kind === 'done') this.settle(result.offererNonce, result.answererNonce);
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

  private settle(offererNonce: Uint8Array, answererNonce: Uint8Array): void {
    const link = this.link;
    const own = dtlsFingerprint(link?.pc.localDescription?.sdp ?? '');
    const peer = dtlsFingerprint(link?.pc.remoteDescription?.sdp ?? '');
    if (!link || !own || !peer || !this.loaded) return this.set({ phase: 'unavailable' });
    const [offererFingerprint, answererFingerprint] = link.polite ? [peer, own] : [own, peer];
    const code = this.loaded.verificationCode({ offererNonce, answererNonce, offererFingerprint, answererFingerprint });
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
