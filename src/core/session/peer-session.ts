import { TypedEventTarget } from '../events/typed-event-target.ts';
import { timeoutMs, toRtcIceServers, type Settings } from '../settings/settings.ts';
import type { SignalCodec, SignalKind } from '../signal/index.ts';
import { OneTimer } from '../util/one-timer.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SessionFeature } from './feature.ts';
import { gatheringPolicy } from './ice-gathering.ts';
import { FeatureSet } from './feature-set.ts';
import { readCode, type BlobProblem, type PasteAction } from './paste-plan.ts';
import { PeerLink } from './peer-link.ts';
import { canRetry, canStart, INITIAL_STATE, type SessionState } from './session-state.ts';
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
 * are the pure transition() and planPaste(); this class runs the effects they return.
 */
export class PeerSession extends TypedEventTarget<{ change: Event }> {
  private current: SessionState = INITIAL_STATE;
  private link: PeerLink | undefined;
  /** The newest attempt, even once closed: its ufrags still tell our own codes from the peer's. */
  private newest: PeerLink | undefined;
  /** The offer this device answers; kept after the link ends, so retry() can answer it again. */
  private remoteOfferSdp: string | undefined;
  private readonly timer = new OneTimer();
  private readonly features: FeatureSet;

  constructor(private readonly options: PeerSessionOptions) {
    super();
    const bye = { messageTypes: ['bye'], handle: () => void (this.link && (this.link.peerSaidBye = true)) };
    this.features = new FeatureSet(options.features ?? [], [bye]);
  }

  get state(): SessionState {
    return this.current;
  }

  /** Diagnostics (the glare e2e test reads it). */
  get signalingState(): RTCSignalingState | undefined {
    return this.link?.pc.signalingState;
  }

  /** For the statistics panel; undefined when there is no connection. */
  async getStats(): Promise<RTCStatsReport | undefined> {
    return this.link?.pc.getStats();
  }

  async createOffer(): Promise<void> {
    if (!canStart(this.current)) return;
    const startedAt = Date.now();
    const link = this.install(this.newLink());
    this.apply({ type: 'create-offer' });
    await this.describe(link, 'offer', startedAt);
  }

  async acceptBlob(text: string): Promise<Result<PasteAction, BlobProblem>> {
    const read = readCode(this.options.codec, text, this.current, this.newest ?? {});
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
    const link = this.newLink();
    const applied = await link.applyRemote('offer', offerSdp);
    if (!applied.ok) return applied;
    this.install(link);
    this.remoteOfferSdp = offerSdp;
    this.apply({ type: 'offer-received' });
    await this.describe(link, 'answer', Date.now());
    return ok(undefined);
  }

  private async acceptAnswer(answerSdp: string): Promise<Result<void, BlobProblem>> {
    if (!this.link) return err({ kind: 'refused', code: 'answer-without-offer' });
    const applied = await this.link.applyRemote('answer', answerSdp);
    if (!applied.ok) return applied;
    this.apply({ type: 'answer-received' });
    return ok(undefined);
  }

  private async describe(link: PeerLink, kind: SignalKind, startedAt: number): Promise<void> {
    const event = await link.describe(kind, gatheringPolicy(this.options.settings()), startedAt, this.options.codec);
    if (link === this.link) this.apply(event);
  }

  private newLink(): PeerLink {
    const iceServers = toRtcIceServers(this.options.settings().iceServers);
    const link: PeerLink = new PeerLink(this.options.createPeerConnection({ iceServers }), {
      event: (event) => link === this.link && this.apply(event),
      channelClosed: () => link === this.link && this.apply({ type: 'channel-closed', byPeer: link.peerSaidBye }),
      message: (data) => link === this.link && this.features.route(data),
    });
    return link;
  }

  private install(link: PeerLink): PeerLink {
    this.closeLink();
    this.link = this.newest = link;
    this.remoteOfferSdp = undefined;
    return link;
  }

  private apply(event: SessionEvent): void {
    const step = transition(this.current, event);
    if (step.state === this.current) return;
    this.current = step.state;
    for (const effect of step.effects) this.run(effect);
    this.emitChange('change');
  }

  private run(effect: SessionEffect): void {
    switch (effect.type) {
      case 'start-timeout': {
        const [link, ms] = [this.link, timeoutMs(this.options.settings(), effect.timeout)];
        return this.timer.start(ms, () => link === this.link && this.apply({ type: 'timeout', afterMs: ms }));
      }
      case 'clear-timeout':
        return this.timer.clear();
      case 'attach-features':
        return void (this.link && this.features.attach(this.link.pc, effect.polite, this.link.send.bind(this.link)));
      case 'send-bye':
        return void this.link?.send({ type: 'bye' });
      case 'close-connection':
        return this.closeLink();
      case 'reset-features':
        return this.features.reset();
    }
  }

  private closeLink(): void {
    this.timer.clear();
    this.features.detach();
    this.link?.close();
    this.link = undefined;
  }
}
