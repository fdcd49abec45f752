import type { CallTransceiver } from '../../src/core/media/call-peer.ts';
import { asTrack, FakeTrack } from './fake-media.ts';

/** One m-section of a ModelPeer description: which transceiver, and what its side wants. */
export interface ModelSection {
  readonly mid: string;
  readonly kind: 'audio' | 'video';
  readonly direction: RTCRtpTransceiverDirection;
}

const SENDING: ReadonlySet<RTCRtpTransceiverDirection> = new Set(['sendrecv', 'sendonly']);
const RECEIVING: ReadonlySet<RTCRtpTransceiverDirection> = new Set(['sendrecv', 'recvonly']);

export function sends(direction: RTCRtpTransceiverDirection | null): boolean {
  return direction !== null && SENDING.has(direction);
}

/** The same m-section seen from the other end: what one side sends, the other receives. */
export function reversed(direction: RTCRtpTransceiverDirection): RTCRtpTransceiverDirection {
  return direction === 'sendonly' ? 'recvonly' : direction === 'recvonly' ? 'sendonly' : direction;
}

/** An answer's direction: what the answerer wants, within what the offer allows (RFC 9429 §5.3.1). */
export function answered(wanted: RTCRtpTransceiverDirection, offered: RTCRtpTransceiverDirection): RTCRtpTransceiverDirection {
  if (wanted === 'stopped' || offered === 'stopped') return 'stopped';
  const allowed = reversed(offered);
  const send = SENDING.has(wanted) && SENDING.has(allowed);
  const receive = RECEIVING.has(wanted) && RECEIVING.has(allowed);
  return send && receive ? 'sendrecv' : send ? 'sendonly' : receive ? 'recvonly' : 'inactive';
}

class ModelSender {
  track: MediaStreamTrack | null;
  streams: MediaStream[] = [];

  constructor(
    private readonly kind: string,
    track: MediaStreamTrack | null,
  ) {
    this.track = track;
  }

  /** Like the browser: never renegotiates, refuses a track of the other kind. */
  async replaceTrack(track: MediaStreamTrack | null): Promise<void> {
    if (track && track.kind !== this.kind) throw new TypeError(`a ${track.kind} track on a ${this.kind} sender`);
    this.track = track;
  }

  setStreams(...streams: MediaStream[]): void {
    this.streams = streams;
  }
}

/**
 * An RTCRtpTransceiver as JSEP sees it: a mid once described, the direction this side wants, the
 * direction last negotiated, and a receiver whose track exists from the start (as in browsers).
 * Changing the direction is what needs negotiation; replacing the sender's track is not.
 */
export class ModelTransceiver implements CallTransceiver {
  mid: string | null = null;
  currentDirection: RTCRtpTransceiverDirection | null = null;
  /** The direction in this side's last description, and the one the peer's last offer asked for. */
  described: RTCRtpTransceiverDirection | null = null;
  offered: RTCRtpTransceiverDirection | null = null;
  /** Whether the peer currently sends on it, so 'track' fires once per start of sending. */
  receiving = false;
  readonly sender: ModelSender;
  readonly receiver: { readonly track: MediaStreamTrack };
  private wanted: RTCRtpTransceiverDirection;

  constructor(
    readonly kind: 'audio' | 'video',
    direction: RTCRtpTransceiverDirection,
    track: MediaStreamTrack | null,
    private readonly onDirectionChange: () => void,
  ) {
    this.wanted = direction;
    this.sender = new ModelSender(kind, track);
    this.receiver = { track: asTrack(new FakeTrack(kind, `remote ${kind}`)) };
  }

  get direction(): RTCRtpTransceiverDirection {
    return this.wanted;
  }

  set direction(direction: RTCRtpTransceiverDirection) {
    if (direction === this.wanted) return;
    this.wanted = direction;
    this.onDirectionChange();
  }

  /** W3C "check if negotiation is needed", for one transceiver. */
  get needsNegotiation(): boolean {
    if (this.mid === null) return true;
    const expected = this.offered === null ? this.wanted : answered(this.wanted, this.offered);
    return expected !== this.described;
  }

  section(direction: RTCRtpTransceiverDirection): ModelSection {
    return { mid: this.mid!, kind: this.kind, direction };
  }
}
