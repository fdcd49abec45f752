import { TypedEventTarget } from '../events/typed-event-target.ts';
import { timeoutMs, toRtcIceServers, type Settings } from '../settings/settings.ts';
import { countCandidates, type SignalCodec, type SignalKind } from '../signal/index.ts';
import { OneTimer } from '../util/one-timer.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SessionFeature } from './feature.ts';
import { gatheringPolicy } from './ice-gathering.ts';
import { FeatureSet } from './feature-set.ts';
import { planPaste, type BlobProblem, type PasteAction } from './paste-plan.ts';
import { PeerLink } from './peer-link.ts';
import { canStart, INITIAL_STATE, type SessionState } from './session-state.ts';
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
  /** Kept after the link ends, so retry() can answer the same offer again. */
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

  /** Diagnostics (and the glare e2e test). */
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
    this.remoteOfferSdp = undefined;
    this.apply({ type: 'create-offer' });
    await this.describe(link, 'offer', startedAt);
  }

  async acceptBlob(text: string): Promise<Result<PasteAction, BlobProblem>> {
    const decoded = this.options.codec.decode(text);
    if (!decoded.ok) return err({ kind: 'unreadable', code: decoded.error.code });
    const plan = planPaste(this.current, decoded.value, this.newest ?? {});
    if (!plan.ok) return err({ kind: 'refused', code: plan.error });
    const applied =
      plan.value === 'answer-offer' ? await this.answerOffer(decoded.value.sdp) : await this.acceptAnswer(decoded.value.sdp);
    return applied.ok ? plan : applied;
  }

  /** Runs the last start again: after the user granted camera access, addresses become visible. */
  async retry(): Promise<void> {
    if (this.current.phase !== 'no-candidates' && this.current.phase !== 'failed') return;
    const offer = this.remoteOfferSdp;
    if (offer === undefined) await this.createOffer();
    else await this.answerOffer(offer);
  }

  /** Ends the session (telling the peer) and returns to the start. */
  reset(): void {
    this.remoteOfferSdp = undefined;
    this.apply({ type: 'reset' });
  }

  private async answerOffer(offerSdp: string): Promise<Result<void, BlobProblem>> {
    const link = this.newLink();
    const applied = await link.applyRemote('offer', offerSdp);
    if (!applied.ok) {
      link.close();
      return err({ kind: 'browser-refused', code: 'offer', detail: applied.error });
    }
    this.install(link);
    this.remoteOfferSdp = offerSdp;
    this.apply({ type: 'offer-received' });
    await this.describe(link, 'answer', Date.now());
    return ok(undefined);
  }

  private async acceptAnswer(answerSdp: string): Promise<Result<void, BlobProblem>> {
    const applied = this.link ? await this.link.applyRemote('answer', answerSdp) : err('no offer');
    if (!applied.ok) return err({ kind: 'browser-refused', code: 'answer', detail: applied.error });
    this.apply({ type: 'answer-received' });
    return ok(undefined);
  }

  private async describe(link: PeerLink, kind: SignalKind, startedAt: number): Promise<void> {
    try {
      const sdp = await link.describe(kind, gatheringPolicy(this.options.settings()), startedAt);
      if (link !== this.link) return;
      if (countCandidates(sdp) === 0) return void this.apply({ type: 'gathered-nothing' });
      this.apply({ type: 'gathered', blob: this.options.codec.encode({ kind, sdp }, { offerUfrag: link.remoteUfrag }) });
    } catch (error) {
      if (link === this.link) this.apply({ type: 'browser-error', detail: error instanceof Error ? error.message : String(error) });
    }
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
      case 'start-timeout':
        return this.startTimeout(timeoutMs(this.options.settings(), effect.timeout));
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

  private startTimeout(ms: number): void {
    const link = this.link;
    this.timer.start(ms, () => link === this.link && this.apply({ type: 'timeout', afterMs: ms }));
  }

  private closeLink(): void {
    this.timer.clear();
    this.features.detach();
    this.link?.close();
    this.link = undefined;
  }
}
