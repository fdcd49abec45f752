import { isTransferId } from './transfer-messages.ts';

/**
 * The part of RTCDataChannel that file transfer uses, so Node tests can drive it with an
 * in-memory pair (test/helpers/memory-channel.ts). A real RTCDataChannel satisfies it.
 */
export interface FileChannel {
  readonly label: string;
  readonly readyState: RTCDataChannelState;
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  binaryType: BinaryType;
  send(data: string | ArrayBuffer | Uint8Array<ArrayBuffer>): void;
  close(): void;
  addEventListener(type: FileChannelEventType, listener: (event: Event) => void): void;
  removeEventListener(type: FileChannelEventType, listener: (event: Event) => void): void;
}

export type FileChannelEventType = 'open' | 'message' | 'close' | 'bufferedamountlow';

/**
 * Creates the sender's channel for one file. The UI passes
 * `(label) => pc.createDataChannel(label, { ordered: true })`: ordered and reliable (no
 * maxRetransmits / maxPacketLifeTime), because the receiver refuses any gap or reordering.
 */
export type OpenFileChannel = (label: string) => FileChannel;

/**
 * Why one channel per file rather than one shared "files" channel with multiplexed frames:
 * - Cancel is local: closing the file's channel resets only its SCTP stream and discards only
 *   its queued bytes; chat (stream 0) and other files' channels carry on untouched.
 * - Backpressure is per file: bufferedAmount and 'bufferedamountlow' belong to one transfer, so
 *   a stalled file never blocks another and the frame needs no transfer id.
 * - On an open SCTP association, createDataChannel needs no SDP renegotiation; the cost is one
 *   DCEP round trip per file, negligible next to the file itself.
 * The sender creates the channel only after the peer accepted, so every file channel that
 * arrives matches an accepted transfer; anything else is closed at once.
 */
const LABEL_PREFIX = 'file:';

export function fileChannelLabel(transferId: string): string {
  return `${LABEL_PREFIX}${transferId}`;
}

/** The transfer id in a channel label, or undefined when the channel is not a file channel. */
export function transferIdOfLabel(label: string): string | undefined {
  if (!label.startsWith(LABEL_PREFIX)) return undefined;
  const id = label.slice(LABEL_PREFIX.length);
  return isTransferId(id) ? id : undefined;
}

export type ChannelListeners = Partial<Record<FileChannelEventType, (event: Event) => void>>;

/** Adds the listeners; the function it returns removes every one of them. */
export function listen(channel: FileChannel, listeners: ChannelListeners): () => void {
  const entries = Object.entries(listeners) as [FileChannelEventType, (event: Event) => void][];
  for (const [type, listener] of entries) channel.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of entries) channel.removeEventListener(type, listener);
  };
}
