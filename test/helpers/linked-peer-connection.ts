import { FakePeerConnection, type FakeGatheringOptions } from './fake-peer-connection.ts';
import { MemoryChannel } from './memory-channel.ts';

/**
 * Fake peer connections that really connect to each other in memory, for PeerSession's unit
 * tests: descriptions are real browser captures (so the real codec encodes them), each with an
 * ICE ufrag of its own; two connections whose descriptions name each other's ufrag link up, and
 * their pre-negotiated control channels open and carry messages. `network` drops and restores
 * the link as ICE would report it.
 */
export class LinkedPeerConnection extends FakePeerConnection {
  private static readonly byUfrag = new Map<string, LinkedPeerConnection>();
  private control: MemoryChannel | undefined;
  private remoteUfrag: string | undefined;

  // Shaped like the capture's own, so the codec picks the compact form it would for the browser.
  readonly ufrag: string;

  constructor(captures: { offer: string; answer: string }, gathering: FakeGatheringOptions = {}) {
    const ufrag = randomLike(/a=ice-ufrag:(\S+)/.exec(captures.offer)?.[1] ?? 'abcd');
    const own = (sdp: string): string => sdp.replace(/a=ice-ufrag:\S+/g, `a=ice-ufrag:${ufrag}`);
    super({ offer: own(captures.offer), answer: own(captures.answer) }, gathering);
    this.ufrag = ufrag;
    LinkedPeerConnection.byUfrag.set(ufrag, this);
  }

  override createDataChannel(): RTCDataChannel {
    this.control = new MemoryChannel('control', {}, false);
    return this.control as unknown as RTCDataChannel;
  }

  override async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await super.setLocalDescription(description);
    if (description.type === 'answer') this.linkUp();
  }

  override async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await super.setRemoteDescription(description);
    this.remoteUfrag = /a=ice-ufrag:(\S+)/.exec(description.sdp ?? '')?.[1];
    if (description.type === 'answer') this.linkUp();
  }

  override close(): void {
    if (this.closed) return;
    super.close();
    this.control?.close();
    this.setConnectionState('closed');
    LinkedPeerConnection.byUfrag.delete(this.ufrag);
  }

  /** What ICE reports when the network drops (disconnected), comes back, or is given up on. */
  network(state: 'disconnected' | 'connected' | 'failed'): void {
    this.setConnectionState(state);
  }

  private linkUp(): void {
    const other = this.remoteUfrag ? LinkedPeerConnection.byUfrag.get(this.remoteUfrag) : undefined;
    if (!other || other.remoteUfrag !== this.ufrag || !this.control || !other.control) return;
    const [mine, theirs] = [this.control, other.control];
    mine.peer = theirs;
    theirs.peer = mine;
    setTimeout(() => {
      for (const pc of [this, other]) pc.setConnectionState('connected');
      mine.open();
      theirs.open();
    }, 0);
  }

  private setConnectionState(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

/** Random characters of the same kinds: Firefox's ufrags are hex, Chromium's base64. */
function randomLike(original: string): string {
  const pick = (alphabet: string): string => alphabet[Math.floor(Math.random() * alphabet.length)]!;
  const hex = /^[0-9a-f]+$/.test(original);
  return [...original].map(() => pick(hex ? '0123456789abcdef' : 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')).join('');
}
