/**
 * Just enough of RTCPeerConnection for PeerSession's unit tests in Node: descriptions come from
 * the real browser captures in test/fixtures, gathering completes at once. E2E tests never use it.
 */
export class FakePeerConnection extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'complete';
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  closed = false;

  constructor(private readonly captures: { offer: string; answer: string }) {
    super();
  }

  createDataChannel(): RTCDataChannel {
    const channel = new EventTarget() as RTCDataChannel & { readyState: string };
    Object.assign(channel, { readyState: 'connecting', close() {}, send() {} });
    return channel;
  }

  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: this.captures.offer };
  }

  async createAnswer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'answer', sdp: this.captures.answer };
  }

  async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    if (description.type === 'answer' && this.signalingState !== 'have-local-offer') {
      throw new DOMException('Called in wrong state: stable', 'InvalidStateError');
    }
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  close(): void {
    this.closed = true;
  }
}
