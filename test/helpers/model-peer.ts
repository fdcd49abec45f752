import type { NegotiablePeer } from '../../src/core/media/negotiator.ts';

/**
 * A model of RTCPeerConnection's signaling state machine (JSEP): offers and answers, implicit
 * rollback when an offer arrives in have-local-offer, and negotiationneeded fired only in stable.
 * A description's "SDP" lists the sender's tracks, so tests can check who sees what.
 */
export class ModelPeer extends EventTarget implements NegotiablePeer {
  signalingState: RTCSignalingState = 'stable';
  localDescription: RTCSessionDescriptionInit | null = null;
  readonly localTracks = new Set<string>();
  remoteTracks = new Set<string>();
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

  async setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    await this.delay();
    const type = description?.type ?? (this.signalingState === 'have-remote-offer' ? 'answer' : 'offer');
    if (type === 'offer' && this.signalingState !== 'stable' && this.signalingState !== 'have-local-offer') {
      throw new DOMException(`offer in ${this.signalingState}`, 'InvalidStateError');
    }
    if (type === 'answer' && this.signalingState !== 'have-remote-offer') {
      throw new DOMException(`answer in ${this.signalingState}`, 'InvalidStateError');
    }
    this.localDescription = { type, sdp: JSON.stringify([...this.localTracks]) };
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
      if (this.signalingState === 'have-local-offer') this.negotiationPending = true;
      this.signalingState = 'have-remote-offer';
    } else if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') {
        throw new DOMException(`remote answer in ${this.signalingState}`, 'InvalidStateError');
      }
      this.setState('stable');
    }
    this.remoteTracks = new Set(JSON.parse(description.sdp ?? '[]') as string[]);
  }

  async addIceCandidate(): Promise<void> {}

  private needNegotiation(): void {
    this.negotiationPending = true;
    if (this.signalingState === 'stable') this.fireNegotiationNeeded();
  }

  private setState(state: RTCSignalingState): void {
    this.signalingState = state;
    if (state === 'stable' && this.negotiationPending) this.fireNegotiationNeeded();
  }

  /** Like the browser: queued as a task, and only if still stable and still needed. */
  private fireNegotiationNeeded(): void {
    setTimeout(() => {
      if (this.signalingState !== 'stable' || !this.negotiationPending) return;
      this.negotiationPending = false;
      this.dispatchEvent(new Event('negotiationneeded'));
    }, 0);
  }
}
