/** How a fake gathers: all candidates at once (a finished description), or one at a time. */
export interface FakeGatheringOptions {
  /**
   * The local description starts without candidates; each gatherNext() adds the capture's next
   * one and fires 'icecandidate', as a browser does while it gathers; completeGathering() ends.
   */
  readonly trickle?: boolean;
}

/**
 * Just enough of RTCPeerConnection for PeerSession's unit tests in Node: descriptions come from
 * the real browser captures in test/fixtures, gathering completes at once unless `trickle` asks
 * for it step by step. E2E tests never use it.
 */
export class FakePeerConnection extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'complete';
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  remoteDescription: RTCSessionDescriptionInit | null = null;
  closed = false;
  /** What the page trickled in by itself (the answer keepalive's decoys). */
  readonly addedCandidates: RTCIceCandidateInit[] = [];
  private local: RTCSessionDescriptionInit | null = null;
  private gathered = 0;

  constructor(
    private readonly captures: { offer: string; answer: string },
    private readonly gathering: FakeGatheringOptions = {},
  ) {
    super();
    if (gathering.trickle) this.iceGatheringState = 'new';
  }

  /** As in browsers, the local description holds the candidates gathered so far. */
  get localDescription(): { readonly type: RTCSdpType; readonly sdp: string } | null {
    if (!this.local) return null;
    const sdp = this.local.sdp ?? '';
    if (this.iceGatheringState === 'complete') return { type: this.local.type, sdp };
    let seen = 0;
    const lines = sdp.split('\n').filter((line) =>
      line.startsWith('a=candidate:') ? seen++ < this.gathered : !line.startsWith('a=end-of-candidates'),
    );
    return { type: this.local.type, sdp: lines.join('\n') };
  }

  /** The capture's next candidate joins the local description, announced as a browser does. */
  gatherNext(): void {
    const line = this.local?.sdp?.match(/^a=candidate:.*$/gm)?.[this.gathered];
    if (!line) throw new Error('the capture has no more candidates');
    this.gathered++;
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate: line.slice(2).trim() } }));
  }

  /** The browser's report that an ICE server failed this gathering (a TURN server's 401, a 701 timeout…). */
  failIceServer(url: string, errorCode: number): void {
    this.dispatchEvent(Object.assign(new Event('icecandidateerror'), { url, errorCode, errorText: '' }));
  }

  completeGathering(): void {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: null }));
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
    this.local = description;
    if (this.gathering.trickle) this.iceGatheringState = 'gathering';
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    if (description.type === 'answer' && this.signalingState !== 'have-local-offer') {
      throw new DOMException('Called in wrong state: stable', 'InvalidStateError');
    }
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    this.addedCandidates.push(candidate);
  }

  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
  }
}
