import {
  encodeControlMessage,
  MAX_CHAT_CHARS,
  parseControlMessage,
  type ControlMessage,
} from '../channel/control-messages.ts';
import { Call, type MediaAccess } from '../media/call.ts';
import { Negotiator } from '../media/negotiator.ts';
import { TransferManager } from '../transfer/transfer-manager.ts';
import type { Settings } from '../settings/settings.ts';
import { toRtcIceServers } from '../settings/settings.ts';
import { countCandidates, iceUfrag } from '../signal/sdp-check.ts';
import type { SignalCodec, SignalKind } from '../signal/signal-codec.ts';
import { err, ok, type Result } from '../util/result.ts';
import { waitForGathering } from './ice-gathering.ts';
import { planPaste, type PasteAction } from './paste-plan.ts';
import { INITIAL_STATE, transition, type SessionEvent, type SessionState } from './session-state.ts';

/** Phases in which the current RTCPeerConnection can no longer become useful. */
const DEAD_PHASES: ReadonlySet<SessionState['phase']> = new Set(['failed', 'ended', 'no-candidates']);

export interface ChatEntry {
  readonly id: string;
  readonly from: 'mine' | 'theirs';
  readonly text: string;
  /** Local clock: when this device sent or received it. */
  readonly at: number;
}

export interface PeerSessionOptions {
  /** Injected so that the platform (browser, test fake) is the caller's choice. */
  readonly createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  readonly codec: SignalCodec;
  readonly settings: () => Settings;
  /** Camera, microphone and screen; without it the session is data-only. */
  readonly media?: MediaAccess;
}

/** Fired as plain Events; read the new values from the session. */
export type PeerSessionEventType = 'statechange' | 'chatchange' | 'callchange';

/**
 * Owns one RTCPeerConnection at a time and drives it through the manual offer/answer exchange.
 * All decisions live in the pure transition() and planPaste(); this class runs their effects.
 */
export class PeerSession extends EventTarget {
  state: SessionState = INITIAL_STATE;
  chat: readonly ChatEntry[] = [];
  /** Audio/video on top of the open link; exists while connected. */
  call: Call | undefined;
  /** File transfers both ways, each on its own data channel; exists while connected. */
  transfers: TransferManager | undefined;

  private pc: RTCPeerConnection | undefined;
  private channel: RTCDataChannel | undefined;
  private localUfrag: string | undefined;
  private remoteUfrag: string | undefined;
  private remoteOfferSdp: string | undefined;
  private peerSaidBye = false;
  private negotiator: Negotiator | undefined;
  private timeout: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every reset, so continuations of an abandoned attempt do nothing. */
  private generation = 0;

  constructor(private readonly options: PeerSessionOptions) {
    super();
  }

  get signalingState(): RTCSignalingState | undefined {
    return this.pc?.signalingState;
  }

  /** For the live statistics panel; undefined when there is no connection. */
  async getStats(): Promise<RTCStatsReport | undefined> {
    return this.pc?.getStats();
  }

  async createOffer(): Promise<void> {
    const next = transition(this.state, { type: 'create-offer' });
    if (next === this.state) return;
    this.replaceConnection();
    const generation = this.generation;
    this.remoteOfferSdp = undefined;
    this.apply({ type: 'create-offer' });
    const startedAt = Date.now();
    try {
      const pc = this.pc!;
      await pc.setLocalDescription(await pc.createOffer());
      await this.finishGathering('offer', generation, startedAt);
    } catch (error) {
      if (generation === this.generation) this.apply({ type: 'browser-error', detail: String(error) });
    }
  }

  /** Applies a pasted or scanned blob; on error the session is left exactly as it was. */
  async acceptBlob(text: string): Promise<Result<PasteAction, string>> {
    const decoded = this.options.codec.decode(text);
    if (!decoded.ok) return err(decoded.error.message);
    const plan = planPaste(this.state, decoded.value, {
      localUfrag: this.localUfrag,
      remoteUfrag: this.remoteUfrag,
    });
    if (!plan.ok) return plan;
    const applied =
      plan.value === 'answer-offer'
        ? await this.answerOffer(decoded.value.sdp)
        : await this.acceptAnswer(decoded.value.sdp);
    return applied.ok ? plan : applied;
  }

  /** Runs the last start again: after the user granted camera access, addresses become visible. */
  async retry(): Promise<void> {
    if (this.state.phase !== 'no-candidates' && this.state.phase !== 'failed') return;
    const offer = this.remoteOfferSdp;
    if (offer === undefined) {
      await this.createOffer();
    } else {
      await this.answerOffer(offer);
    }
  }

  sendChat(text: string): boolean {
    const trimmed = text.trim();
    if (this.state.phase !== 'connected' || !this.channel || trimmed.length === 0) return false;
    if (trimmed.length > MAX_CHAT_CHARS) return false;
    const entry: ChatEntry = { id: crypto.randomUUID(), from: 'mine', text: trimmed, at: Date.now() };
    this.channel.send(encodeControlMessage({ type: 'chat', id: entry.id, text: entry.text, sentAt: entry.at }));
    this.appendChat(entry);
    return true;
  }

  /** Ends the session (telling the peer) and returns to the start. */
  reset(): void {
    if (this.channel?.readyState === 'open') this.channel.send(encodeControlMessage({ type: 'bye' }));
    this.closeConnection();
    this.chat = [];
    this.remoteOfferSdp = undefined;
    this.apply({ type: 'reset' });
    this.dispatchEvent(new Event('chatchange'));
  }

  private async answerOffer(offerSdp: string): Promise<Result<void, string>> {
    const pc = this.newPeerConnection();
    const channel = this.openControlChannel(pc);
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    } catch (error) {
      channel.close();
      pc.close();
      return err(`This browser cannot use that offer (${describeError(error)}).`);
    }
    this.replaceConnection(pc, channel);
    const generation = this.generation;
    this.remoteOfferSdp = offerSdp;
    this.remoteUfrag = iceUfrag(offerSdp);
    this.apply({ type: 'offer-received' });
    const startedAt = Date.now();
    try {
      await pc.setLocalDescription(await pc.createAnswer());
      await this.finishGathering('answer', generation, startedAt);
    } catch (error) {
      if (generation === this.generation) this.apply({ type: 'browser-error', detail: String(error) });
    }
    return ok(undefined);
  }

  private async acceptAnswer(answerSdp: string): Promise<Result<void, string>> {
    const pc = this.pc;
    if (!pc) return err('There is no offer waiting for this answer. Press Create offer first.');
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    } catch (error) {
      return err(`This browser cannot use that answer (${describeError(error)}).`);
    }
    this.remoteUfrag = iceUfrag(answerSdp);
    this.apply({ type: 'answer-received' });
    this.startTimeout(this.options.settings().connectTimeoutMs);
    return ok(undefined);
  }

  /** The cap counts from the user's press, so creating the description itself is inside it. */
  private async finishGathering(kind: SignalKind, generation: number, startedAt: number): Promise<void> {
    const pc = this.pc!;
    const settings = this.options.settings();
    await waitForGathering(pc, {
      capMs: Math.max(0, settings.gatherCapMs - (Date.now() - startedAt)),
      quietMs: settings.gatherQuietMs,
      expectServerCandidates: settings.iceServers.length > 0,
    });
    if (generation !== this.generation) return;
    const sdp = pc.localDescription?.sdp ?? '';
    this.localUfrag = iceUfrag(sdp);
    if (countCandidates(sdp) === 0) {
      this.apply({ type: 'gathered-nothing' });
      return;
    }
    const blob = this.options.codec.encode({ kind, sdp }, { offerUfrag: this.remoteUfrag });
    this.apply({ type: 'gathered', blob });
    if (kind === 'answer') this.startTimeout(settings.answerTimeoutMs);
  }

  private newPeerConnection(): RTCPeerConnection {
    const settings = this.options.settings();
    return this.options.createPeerConnection({ iceServers: toRtcIceServers(settings.iceServers) });
  }

  /**
   * Pre-negotiated (id 0) so both sides own the channel from the start: the answerer needs no
   * ondatachannel round, and the offer still carries the m=application section it requires.
   */
  private openControlChannel(pc: RTCPeerConnection): RTCDataChannel {
    return pc.createDataChannel('control', { negotiated: true, id: 0, ordered: true });
  }

  private replaceConnection(
    pc: RTCPeerConnection = this.newPeerConnection(),
    channel: RTCDataChannel = this.openControlChannel(pc),
  ): void {
    this.closeConnection();
    this.generation++;
    this.peerSaidBye = false;
    this.localUfrag = undefined;
    this.remoteUfrag = undefined;
    this.pc = pc;
    this.channel = channel;
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    pc.addEventListener('connectionstatechange', () => {
      if (!current()) return;
      if (pc.connectionState === 'failed') this.apply({ type: 'ice-failed' });
      if (pc.connectionState === 'disconnected') this.apply({ type: 'ice-interrupted' });
      if (pc.connectionState === 'connected') this.apply({ type: 'ice-restored' });
    });
    channel.addEventListener('open', () => {
      if (!current()) return;
      clearTimeout(this.timeout);
      this.startMediaLayer(pc, channel);
      this.apply({ type: 'channel-open' });
    });
    channel.addEventListener('close', () => {
      if (!current()) return;
      this.apply({ type: 'channel-closed', byPeer: this.peerSaidBye });
    });
    channel.addEventListener('message', (event: MessageEvent) => {
      if (current()) this.handleMessage(event.data);
    });
  }

  /**
   * Renegotiation for audio and video runs over the data channel ("perfect negotiation"): the
   * answerer of the first exchange is the polite peer, so the roles need no extra agreement.
   */
  private startMediaLayer(pc: RTCPeerConnection, channel: RTCDataChannel): void {
    const send = (message: ControlMessage): void => {
      if (channel.readyState === 'open') channel.send(encodeControlMessage(message));
    };
    const polite = this.state.phase === 'connecting' && this.state.role === 'answerer';
    this.negotiator = new Negotiator(pc, polite, send);
    const transfers = new TransferManager({
      send,
      openChannel: (label) => pc.createDataChannel(label, { ordered: true }),
      maxMessageSize: () => pc.sctp?.maxMessageSize,
    });
    pc.addEventListener('datachannel', (event) => {
      if (!transfers.handleChannel(event.channel)) event.channel.close();
    });
    this.transfers = transfers;
    if (!this.options.media) return;
    this.call = new Call(pc, this.options.media, send);
    this.call.addEventListener('change', () => this.dispatchEvent(new Event('callchange')));
  }

  private handleMessage(data: unknown): void {
    const parsed = parseControlMessage(data);
    if (!parsed.ok) return;
    const message = parsed.value;
    switch (message.type) {
      case 'bye':
        this.peerSaidBye = true;
        return;
      case 'chat':
        this.appendChat({ id: message.id, from: 'theirs', text: message.text, at: Date.now() });
        return;
      case 'description':
      case 'candidate':
        void this.negotiator?.handle(message);
        return;
      case 'media-state':
      case 'hang-up':
        this.call?.handleRemote(message);
        return;
      default:
        this.transfers?.handleMessage(message);
    }
  }

  private appendChat(entry: ChatEntry): void {
    this.chat = [...this.chat, entry];
    this.dispatchEvent(new Event('chatchange'));
  }

  private startTimeout(ms: number): void {
    clearTimeout(this.timeout);
    const generation = this.generation;
    this.timeout = setTimeout(() => {
      if (generation !== this.generation) return;
      this.apply({ type: 'timeout' });
    }, ms);
  }

  private closeConnection(): void {
    clearTimeout(this.timeout);
    this.generation++;
    this.negotiator?.dispose();
    this.negotiator = undefined;
    this.transfers?.close();
    this.transfers = undefined;
    if (this.call) {
      this.call.dispose();
      this.call = undefined;
      this.dispatchEvent(new Event('callchange'));
    }
    this.channel?.close();
    this.pc?.close();
    this.channel = undefined;
    this.pc = undefined;
  }

  private apply(event: SessionEvent): void {
    const next = transition(this.state, event);
    if (next === this.state) return;
    this.state = next;
    if (DEAD_PHASES.has(next.phase)) this.closeConnection();
    this.dispatchEvent(new Event('statechange'));
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
