import type { CallPeer } from '../../src/core/media/call-peer.ts';
import type { NegotiablePeer } from '../../src/core/media/negotiator.ts';
import { answered, reversed, sends, type ModelSection, ModelTransceiver } from './model-transceiver.ts';

/** What a model description carries instead of SDP. */
interface ModelDescription {
  /** Named tracks (addTrack), for tests that only ask who sees what. */
  readonly tracks: string[];
  readonly media: ModelSection[];
}

/** RTCTrackEvent: the receiver's track, fired when the peer starts sending on a transceiver. */
export class ModelTrackEvent extends Event {
  constructor(readonly track: MediaStreamTrack) {
    super('track');
  }
}

/** The 'track' listener typed as RTCPeerConnection types it. */
export interface ModelPeer {
  addEventListener(type: 'track', listener: (event: ModelTrackEvent) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void;
}

/**
 * A model of RTCPeerConnection's signaling state machine (JSEP): offers and answers, implicit
 * rollback when an offer arrives in have-local-offer, and negotiationneeded fired only in stable.
 * Transceivers get mids, negotiated directions and 'track' events as in browsers. A description
 * ("SDP") is JSON of the named tracks and the m-sections, so tests can check who sees what.
 */
export class ModelPeer extends EventTarget implements NegotiablePeer, CallPeer {
  signalingState: RTCSignalingState = 'stable';
  localDescription: RTCSessionDescriptionInit | null = null;
  readonly localTracks = new Set<string>();
  remoteTracks = new Set<string>();
  /** How often negotiationneeded fired: replacing a track must not add to it. */
  negotiationsNeeded = 0;
  private readonly transceivers: ModelTransceiver[] = [];
  private negotiationPending = false;

  constructor(private readonly delay: () => Promise<void>) {
    super();
  }

  addTrack(name: string): void {
    this.localTracks.add(name);
    this.needNegotiation();
  }

  removeTrack(name: string): void {
    this.localTracks.delete(name);
    this.needNegotiation();
  }

  getTransceivers(): ModelTransceiver[] {
    return [...this.transceivers];
  }

  addTransceiver(trackOrKind: MediaStreamTrack | 'audio' | 'video', init: RTCRtpTransceiverInit = {}): ModelTransceiver {
    const track = typeof trackOrKind === 'string' ? null : trackOrKind;
    const kind = (track?.kind ?? trackOrKind) as 'audio' | 'video';
    const transceiver = new ModelTransceiver(kind, init.direction ?? 'sendrecv', track, () => this.needNegotiation());
    if (init.streams) transceiver.sender.setStreams(...init.streams);
    this.transceivers.push(transceiver);
    this.needNegotiation();
    return transceiver;
  }

  async setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    await this.delay();
    const type = description?.type ?? (this.signalingState === 'have-remote-offer' ? 'answer' : 'offer');
    if (type === 'offer' && this.signalingState !== 'stable' && this.signalingState !== 'have-local-offer') {
      throw new DOMException(`offer in ${this.signalingState}`, 'InvalidStateError');
    }
    if (type === 'answer' && this.signalingState !== 'have-remote-offer') {
      throw new DOMException(`answer in ${this.signalingState}`, 'InvalidStateError');
    }
    const media = type === 'offer' ? this.describeOffer() : this.describeAnswer();
    this.localDescription = { type, sdp: JSON.stringify({ tracks: [...this.localTracks], media } satisfies ModelDescription) };
    this.setState(type === 'offer' ? 'have-local-offer' : 'stable');
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await this.delay();
    if (description.type === 'offer') {
      // Implicit rollback of our own offer, as browsers have done since 2020.
      if (this.signalingState !== 'stable' && this.signalingState !== 'have-local-offer') {
        throw new DOMException(`remote offer in ${this.signalingState}`, 'InvalidStateError');
      }
      // A rolled-back offer still has to be sent: the browser fires negotiationneeded again.
      if (this.signalingState === 'have-local-offer') this.rollBack();
      this.signalingState = 'have-remote-offer';
    } else if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') {
        throw new DOMException(`remote answer in ${this.signalingState}`, 'InvalidStateError');
      }
    }
    const remote = JSON.parse(description.sdp ?? '{"tracks":[],"media":[]}') as ModelDescription;
    this.remoteTracks = new Set(remote.tracks);
    for (const section of remote.media) this.applyRemote(section, description.type === 'offer');
    if (description.type === 'answer') this.setState('stable');
  }

  async addIceCandidate(): Promise<void> {}

  private describeOffer(): ModelSection[] {
    return this.transceivers.map((transceiver) => {
      transceiver.mid ??= this.freeMid();
      transceiver.offered = null;
      transceiver.described = transceiver.direction;
      return transceiver.section(transceiver.direction);
    });
  }

  private describeAnswer(): ModelSection[] {
    return this.transceivers
      .filter((transceiver) => transceiver.offered !== null)
      .map((transceiver) => {
        transceiver.described = transceiver.currentDirection = answered(transceiver.direction, transceiver.offered!);
        return transceiver.section(transceiver.described);
      });
  }

  private applyRemote(section: ModelSection, isOffer: boolean): void {
    let transceiver = this.transceivers.find((t) => t.mid === section.mid);
    if (!transceiver) {
      // A transceiver the peer opened: created receive-only, without asking for negotiation.
      transceiver = new ModelTransceiver(section.kind, 'recvonly', null, () => this.needNegotiation());
      transceiver.mid = section.mid;
      this.transceivers.push(transceiver);
    }
    if (isOffer) transceiver.offered = section.direction;
    else transceiver.currentDirection = reversed(section.direction);
    const receiving = sends(section.direction);
    if (receiving && !transceiver.receiving) this.dispatchEvent(new ModelTrackEvent(transceiver.receiver.track));
    transceiver.receiving = receiving;
  }

  /** Implicit rollback: mids handed out by our unanswered offer are free again. */
  private rollBack(): void {
    for (const transceiver of this.transceivers) if (transceiver.currentDirection === null) transceiver.mid = null;
    this.negotiationPending = true;
  }

  private freeMid(): string {
    let mid = 0;
    while (this.transceivers.some((transceiver) => transceiver.mid === String(mid))) mid++;
    return String(mid);
  }

  private needNegotiation(): void {
    this.negotiationPending = true;
    if (this.signalingState === 'stable') this.fireNegotiationNeeded();
  }

  private setState(state: RTCSignalingState): void {
    this.signalingState = state;
    if (state !== 'stable') return;
    if (this.transceivers.some((transceiver) => transceiver.needsNegotiation)) this.negotiationPending = true;
    if (this.negotiationPending) this.fireNegotiationNeeded();
  }

  /** Like the browser: queued as a task, and only if still stable and still needed. */
  private fireNegotiationNeeded(): void {
    setTimeout(() => {
      if (this.signalingState !== 'stable' || !this.negotiationPending) return;
      this.negotiationPending = false;
      this.negotiationsNeeded++;
      this.dispatchEvent(new Event('negotiationneeded'));
    }, 0);
  }
}
