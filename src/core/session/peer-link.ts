import { encodeControlMessage, parseEnvelope, type ControlMessage, type UncheckedMessage } from '../channel/control-messages.ts';
import { iceUfrag, type SignalCodec, type SignalKind } from '../signal/index.ts';
import { err, ok, type Result } from '../util/result.ts';
import { answererGivesUpEarly, holdAnswerOpen } from './answer-keepalive.ts';
import { publishCodes } from './code-publisher.ts';
import { ControlBudget } from './control-budget.ts';
import type { GatheringPolicy } from './ice-gathering.ts';
import type { DiagnosisCode } from './link-diagnosis.ts';
import { diagnoseConnection } from './link-evidence.ts';
import type { BlobProblem } from './paste-plan.ts';
import type { SessionEvent } from './session-transition.ts';

/** Longest wait for the last messages and the channel's closing handshake before the connection closes anyway. */
const CLOSE_GRACE_MS = 1000;

/** Control messages of the link itself, which no feature may claim. */
export const LINK_MESSAGE_TYPES: readonly string[] = ['bye'];

export interface PeerLinkListener {
  /** This device's code (first, improved, or none); ICE came up, dropped or failed; the control channel opened. */
  event(event: SessionEvent): void;
  /** byPeer: the peer said 'bye' first, so it ended the session on purpose. */
  channelClosed(byPeer: boolean): void;
  /** A well-formed control message for the features. */
  message(message: UncheckedMessage): void;
}

/**
 * One connection attempt: an RTCPeerConnection and its control channel, until close(). After
 * close() it reports nothing more, so a late callback of an abandoned attempt cannot act.
 */
export class PeerLink {
  readonly channel: RTCDataChannel;
  private ufrags: { local?: string | undefined; remote?: string | undefined } = {};
  private peerSaidBye = false;
  private closed = false;
  /** The peer's control messages this link takes; counted before parsing, so a flood costs no JSON.parse either. */
  private readonly budget = new ControlBudget();

  constructor(
    readonly pc: RTCPeerConnection,
    private readonly listener: PeerLinkListener,
    /** What the connection was given, for the diagnosis when it fails. */
    private readonly iceServers: readonly RTCIceServer[] = [],
  ) {
    // Pre-negotiated (id 0) so both sides own the channel from the start: the answerer needs no
    // ondatachannel round, and the offer still carries the m=application section it requires.
    this.channel = pc.createDataChannel('control', { negotiated: true, id: 0, ordered: true });
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed') void this.diagnose().then((diagnosis) => this.report({ type: 'ice-failed', diagnosis }));
      if (pc.connectionState === 'disconnected') this.report({ type: 'ice-interrupted' });
      if (pc.connectionState === 'connected') this.report({ type: 'ice-restored' });
    });
    this.channel.addEventListener('open', () => this.report({ type: 'channel-open' }));
    this.channel.addEventListener('close', () => {
      if (!this.closed) listener.channelClosed(this.peerSaidBye);
    });
    this.channel.addEventListener('message', (event: MessageEvent) => {
      if (this.closed || !this.budget.admit()) return;
      const parsed = parseEnvelope(event.data);
      if (!parsed.ok) return;
      if (parsed.value.type === 'bye') this.peerSaidBye = true;
      else listener.message(parsed.value);
    });
  }

  /** ICE username fragments of this attempt's two descriptions: they tell own codes from the peer's. */
  get localUfrag(): string | undefined {
    return this.ufrags.local;
  }

  get remoteUfrag(): string | undefined {
    return this.ufrags.remote;
  }

  /** Why this attempt has not come up, read before it closes; see link-diagnosis.ts. */
  diagnose(): Promise<DiagnosisCode[]> {
    return diagnoseConnection(this.pc, this.iceServers);
  }

  /** Sends on the control channel; false when it is not open. */
  send(message: ControlMessage): boolean {
    if (this.closed || this.channel.readyState !== 'open') return false;
    try {
      this.channel.send(encodeControlMessage(message));
      return true;
    } catch {
      return false; // closing under our feet: libdatachannel throws where a browser would not
    }
  }

  /**
   * Sets the local description and reports this device's code through the listener: the first
   * version as soon as it holds a candidate, better ones while gathering goes on (publishCodes),
   * or why there is none. Resolves once the first is reported. The gathering cap counts from the
   * user's press, so creating the description is inside it.
   */
  async describe(kind: SignalKind, policy: GatheringPolicy, startedAt: number, codec: SignalCodec): Promise<void> {
    try {
      await this.pc.setLocalDescription(await (kind === 'offer' ? this.pc.createOffer() : this.pc.createAnswer()));
      const local = this.pc.localDescription?.sdp ?? '';
      this.ufrags.local = iceUfrag(local);
      if (kind === 'answer' && answererGivesUpEarly(this.pc.remoteDescription?.sdp ?? '', local)) holdAnswerOpen(this.pc);
      const remaining = { ...policy, capMs: Math.max(0, policy.capMs - (Date.now() - startedAt)) };
      // The answer's offer tag names the offer, whichever version of it was pasted: they share a ufrag.
      const encode = (sdp: string) => codec.encode({ kind, sdp }, { offerUfrag: this.remoteUfrag });
      await publishCodes(this.pc, remaining, encode, (event) => this.report(event));
    } catch (error) {
      this.report({ type: 'browser-error', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * The peer's offer or answer. A refused answer changes nothing (our offer still stands); a link
   * made for an offer the browser refused has no use, so it closes.
   */
  async applyRemote(type: SignalKind, sdp: string): Promise<Result<void, BlobProblem>> {
    try {
      await this.pc.setRemoteDescription({ type, sdp });
    } catch (error) {
      if (type === 'offer') this.close();
      return err({ kind: 'browser-refused', code: type, detail: error instanceof Error ? error.message : String(error) });
    }
    this.ufrags.remote = iceUfrag(sdp);
    return ok(undefined);
  }

  /**
   * Whatever was sent last (a 'bye') must reach the peer before the channel's end: browsers flush
   * a closing channel, but libdatachannel drops what is queued, and a connection closed before its
   * channel has finished closing can take the last message with it.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const { channel, pc } = this;
    const closeConnection = (): void => {
      clearTimeout(fallback);
      pc.close();
    };
    const fallback = setTimeout(closeConnection, CLOSE_GRACE_MS);
    const closeChannel = (): void => {
      channel.addEventListener('close', closeConnection, { once: true });
      channel.close();
    };
    if (channel.readyState !== 'open') {
      channel.close();
      closeConnection();
    } else if (channel.bufferedAmount === 0) {
      closeChannel();
    } else {
      channel.bufferedAmountLowThreshold = 0;
      channel.addEventListener('bufferedamountlow', closeChannel, { once: true });
    }
  }

  private report(event: SessionEvent): void {
    if (!this.closed) this.listener.event(event);
  }
}
