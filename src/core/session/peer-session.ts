import { TypedEventTarget } from '../events/typed-event-target.ts';
import { rtcConfiguration, timeoutMs, type Settings } from '../settings/settings.ts';
import type { SignalCodec } from '../signal/index.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { Conversation } from './conversation.ts';
import { FeatureSet } from './feature-set.ts';
import type { SessionFeature } from './feature.ts';
import { gatheringPolicy } from './ice-gathering.ts';
import { openLink, type StartProblem } from './link-opening.ts';
import { LinkSlot, type AttemptTiming } from './link-slot.ts';
import { readCode, type BlobProblem, type PasteAction } from './paste-plan.ts';
import type { PeerLink } from './peer-link.ts';
import { canRetry, canStart, INITIAL_STATE, isConnected, type SessionState } from './session-state.ts';
import { transition, type SessionEffect, type SessionEvent } from './session-transition.ts';

export interface PeerSessionOptions {
  /** Injected so that the platform (browser, Node, test fake) is the caller's choice. */
  readonly createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  readonly codec: SignalCodec;
  readonly settings: () => Settings;
  /** Chat, call, files…: each gets the link while it is up and the control messages it names. */
  readonly features?: readonly SessionFeature[];
}

/**
 * Drives one RTCPeerConnection at a time through the manual offer/answer exchange. The decisions
 * are the pure transition() and readCode(); this class runs the effects they return.
 */
export class PeerSession extends TypedEventTarget<{ change: Event }> {
  private current: SessionState = INITIAL_STATE;
  /** The offer this device answers; kept after the link ends, so retry() can answer it again. */
  private remoteOfferSdp: string | undefined;
  private readonly features = new FeatureSet(this.options.features ?? []);
  private readonly slot = new LinkSlot(this.features);

  constructor(private readonly options: PeerSessionOptions) {
    super();
  }

  /** What the links of this session carry on: a reconnect continues it (see conversation.ts). */
  get conversation(): Conversation {
    return this.features.conversation;
  }

  get state(): SessionState {
    return this.current;
  }

  /** When the current attempt began and when its wait ends: the code's age and the answer's validity. */
  get timing(): AttemptTiming {
    return this.slot.timing;
  }

  /** The current attempt's connection, for statistics and diagnostics only; undefined when there is none. */
  get connection(): RTCPeerConnection | undefined {
    return this.slot.link?.pc;
  }

  /** A StartProblem when the browser refuses the settings' configuration; nothing changes then. */
  async createOffer(): Promise<Result<void, StartProblem>> {
    if (!canStart(this.current)) return ok(undefined);
    const startedAt = Date.now();
    const opened = this.newLink();
    if (!opened.ok) return opened;
    const link = this.slot.install(opened.value);
    this.remoteOfferSdp = undefined;
    this.apply({ type: 'create-offer' });
    await link.describe('offer', gatheringPolicy(this.options.settings()), startedAt, this.options.codec);
    return ok(undefined);
  }

  async acceptBlob(text: string): Promise<Result<PasteAction, BlobProblem>> {
    const decoded = await this.options.codec.decode(text);
    // Decoding may have waited for the fallback form's compressor: plan for the state as it is now.
    const read = readCode(decoded, this.current, this.slot.newest ?? {});
    if (!read.ok) return read;
    const { action, sdp } = read.value;
    const applied = action === 'answer-offer' ? await this.answerOffer(sdp) : await this.acceptAnswer(sdp);
    return applied.ok ? ok(action) : applied;
  }

  /** Runs the last start again: after the user granted camera access, addresses become visible. */
  async retry(): Promise<void> {
    if (!canRetry(this.current)) return;
    const offer = this.remoteOfferSdp;
    if (offer === undefined) await this.createOffer();
    else await this.answerOffer(offer);
  }

  /** Ends the session (telling the peer) and returns to the start. */
  reset(): void {
    this.apply({ type: 'reset' });
  }

  private async answerOffer(offerSdp: string): Promise<Result<void, BlobProblem>> {
    const newestBefore = this.slot.newest;
    const opened = this.newLink();
    if (!opened.ok) return opened;
    const link = opened.value;
    const applied = await link.applyRemote('offer', offerSdp);
    if (!applied.ok) return applied;
    // While the browser read the offer, this device may have started something else.
    if (this.slot.newest !== newestBefore || !canStart(this.current)) {
      link.close();
      return err({ kind: 'refused', code: 'still-preparing' });
    }
    this.slot.install(link);
    this.remoteOfferSdp = offerSdp;
    this.apply({ type: 'offer-received' });
    await link.describe('answer', gatheringPolicy(this.options.settings()), Date.now(), this.options.codec);
    return ok(undefined);
  }

  private async acceptAnswer(answerSdp: string): Promise<Result<void, BlobProblem>> {
    const link = this.slot.link;
    if (!link) return err({ kind: 'refused', code: 'answer-without-offer' });
    const applied = await link.applyRemote('answer', answerSdp);
    if (!applied.ok) return applied;
    if (!this.slot.holds(link)) return err({ kind: 'refused', code: 'answer-for-another-offer' });
    this.apply({ type: 'answer-received' });
    return ok(undefined);
  }

  private newLink(): Result<PeerLink, StartProblem> {
    return openLink(this.options.createPeerConnection, rtcConfiguration(this.options.settings()), (link) => ({
      event: (event) => this.slot.holds(link()) && this.apply(event),
      channelClosed: (byPeer) => this.slot.holds(link()) && this.apply({ type: 'channel-closed', byPeer }),
      message: (message) => this.slot.holds(link()) && this.features.route(message),
    }));
  }

  private apply(event: SessionEvent): void {
    const step = transition(this.current, event);
    if (step.state === this.current) return;
    this.current = step.state;
    for (const effect of step.effects) this.run(effect);
    this.notify('change');
  }

  private run(effect: SessionEffect): void {
    switch (effect.type) {
      case 'start-timeout': {
        const afterMs = timeoutMs(this.options.settings(), effect.timeout);
        return this.slot.startTimeout(afterMs, (diagnosis) => this.apply({ type: 'timeout', afterMs, diagnosis }));
      }
      case 'clear-timeout':
        return this.slot.clearTimeout();
      case 'attach-features':
        return this.slot.attachFeatures(effect.polite, () => isConnected(this.current));
      case 'send-bye':
        return void this.slot.link?.send({ type: 'bye' });
      case 'close-connection':
        return this.slot.close();
      case 'reset-features':
        return this.features.reset();
    }
  }
}
