import type { NegotiationMessage } from './negotiation-messages.ts';

/** The part of RTCPeerConnection that negotiation touches; Node tests drive it with a model. */
export interface NegotiablePeer {
  readonly signalingState: RTCSignalingState;
  readonly localDescription: RTCSessionDescriptionInit | null;
  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void>;
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
  addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
  addEventListener(type: 'negotiationneeded' | 'icecandidate', listener: (event: Event) => void): void;
  removeEventListener(type: 'negotiationneeded' | 'icecandidate', listener: (event: Event) => void): void;
}

/**
 * "Perfect negotiation" (W3C WebRTC §10.7 example, webrtc/samples perfect-negotiation) over our
 * own data channel. The polite side yields on glare by rolling back its offer (implicitly, inside
 * setRemoteDescription); the impolite side ignores the colliding offer. Both converge to stable
 * whatever the timing, so both users may press Start video at the same instant.
 */
export class Negotiator {
  private makingOffer = false;
  private ignoreOffer = false;
  private isSettingRemoteAnswerPending = false;
  private readonly handleNegotiationNeeded = (): void => void this.negotiate();
  private readonly handleIceCandidate = (event: Event): void => {
    const candidate = (event as RTCPeerConnectionIceEvent).candidate;
    if (!candidate) return;
    const { candidate: line, sdpMid, sdpMLineIndex } = candidate;
    this.send({ type: 'candidate', candidate: { candidate: line, sdpMid, sdpMLineIndex } });
  };

  constructor(
    private readonly peer: NegotiablePeer,
    readonly polite: boolean,
    private readonly send: (message: NegotiationMessage) => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    peer.addEventListener('negotiationneeded', this.handleNegotiationNeeded);
    peer.addEventListener('icecandidate', this.handleIceCandidate);
  }

  dispose(): void {
    this.peer.removeEventListener('negotiationneeded', this.handleNegotiationNeeded);
    this.peer.removeEventListener('icecandidate', this.handleIceCandidate);
  }

  private async negotiate(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.peer.setLocalDescription();
      const description = this.peer.localDescription;
      if (description?.type === 'offer' && description.sdp) {
        this.send({ type: 'description', description: { type: 'offer', sdp: description.sdp } });
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.makingOffer = false;
    }
  }

  async handle(message: NegotiationMessage): Promise<void> {
    try {
      if (message.type === 'candidate') {
        try {
          await this.peer.addIceCandidate(message.candidate);
        } catch (error) {
          if (!this.ignoreOffer) throw error;
        }
        return;
      }
      const { description } = message;
      // Ready for an offer unless we are making one, or are in the middle of applying an answer.
      const readyForOffer =
        !this.makingOffer && (this.peer.signalingState === 'stable' || this.isSettingRemoteAnswerPending);
      const offerCollision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.polite && offerCollision;
      if (this.ignoreOffer) return;
      this.isSettingRemoteAnswerPending = description.type === 'answer';
      await this.peer.setRemoteDescription(description);
      this.isSettingRemoteAnswerPending = false;
      if (description.type === 'offer') {
        await this.peer.setLocalDescription();
        const answer = this.peer.localDescription;
        if (answer?.sdp) this.send({ type: 'description', description: { type: 'answer', sdp: answer.sdp } });
      }
    } catch (error) {
      this.onError(error);
    }
  }
}
