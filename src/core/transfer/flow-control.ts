import { FRAME_HEADER_BYTES, MAX_DATA_PAYLOAD_BYTES } from './frames.ts';

/**
 * Two limits keep memory bounded whatever the file size:
 *
 * 1. Sender: the SCTP send queue. The webrtc/samples datatransfer idiom: send while
 *    bufferedAmount is under a high-water mark, then wait for 'bufferedamountlow', which the
 *    browser fires when the queue drains to bufferedAmountLowThreshold (the low-water mark).
 *    Chromium closes a channel whose queue passes 16 MiB, so the high-water mark stays well below.
 *
 * 2. Receiver: a data channel cannot be paused, and a sink (disk) may be slower than the link.
 *    So the receiver acknowledges the bytes it has written, and the sender keeps at most
 *    RECEIVE_WINDOW_BYTES beyond the last acknowledgement. Both constants are protocol: the
 *    receiver treats a sender that overruns the window as broken.
 */
export const RECEIVE_WINDOW_BYTES = 8 * 1024 * 1024;

/** The receiver acknowledges at least this often; far below the window, so the sender never stalls for an ack. */
export const ACK_INTERVAL_BYTES = 1024 * 1024;

/** ...and at least this often in time, so the sender's progress moves on a slow link too. */
export const ACK_MAX_DELAY_MS = 250;

export interface SendTuning {
  /** File bytes per data frame; see chooseChunkBytes(). */
  readonly chunkBytes: number;
  readonly highWaterMarkBytes: number;
  readonly lowWaterMarkBytes: number;
}

export type SendTuningOptions = Partial<Omit<SendTuning, 'chunkBytes'>> & { readonly preferredChunkBytes?: number };

/**
 * TESTBED: 4 MiB / 1 MiB water marks gave 15–25 MB/s between two Chromium pages. bench:transfer
 * found the raw channel fastest with the largest message Chromium accepts in three sweeps of four
 * (256 KiB: 10.7 MB/s, against 9.5 with 64 KiB and 7.5 with 16 KiB; the fourth had 64 KiB ahead,
 * within the run-to-run spread), so frames are as large as the peer allows.
 */
export function resolveSendTuning(options: SendTuningOptions, maxMessageSize: number | undefined): SendTuning {
  return {
    chunkBytes: chooseChunkBytes(maxMessageSize, options.preferredChunkBytes ?? MAX_DATA_PAYLOAD_BYTES),
    highWaterMarkBytes: options.highWaterMarkBytes ?? 4 * 1024 * 1024,
    lowWaterMarkBytes: options.lowWaterMarkBytes ?? 1024 * 1024,
  };
}

/** The size every browser has always accepted in one message. */
export const INTEROPERABLE_MESSAGE_BYTES = 16 * 1024;

/**
 * File bytes per data frame: the largest that the peer accepts (pc.sctp.maxMessageSize, which is
 * already the minimum of both sides' a=max-message-size; Chromium 262144, Firefox 1073741823), less
 * the frame header, and at most preferredChunkBytes. Without a known limit (SCTP not up yet, or a
 * browser without pc.sctp), 16 KiB, the size that interoperates everywhere.
 */
export function chooseChunkBytes(maxMessageSize: number | undefined, preferredChunkBytes: number): number {
  const known = maxMessageSize !== undefined && maxMessageSize > FRAME_HEADER_BYTES;
  const limit = known ? maxMessageSize : INTEROPERABLE_MESSAGE_BYTES;
  const chunkBytes = Math.min(preferredChunkBytes, limit - FRAME_HEADER_BYTES, MAX_DATA_PAYLOAD_BYTES);
  return Math.max(1, Math.floor(chunkBytes));
}

/**
 * Whether one more frame of frameBytes may be queued. The queue never exceeds the high-water mark
 * (an empty queue always takes one frame, so a tiny mark cannot deadlock), and unacknowledged
 * file bytes never exceed the receive window.
 */
export function hasRoomFor(
  frameBytes: number,
  payloadEnd: number,
  ackedOffset: number,
  bufferedAmount: number,
  highWaterMarkBytes: number,
): boolean {
  const queueHasRoom = bufferedAmount === 0 || bufferedAmount + frameBytes <= highWaterMarkBytes;
  return queueHasRoom && payloadEnd - ackedOffset <= RECEIVE_WINDOW_BYTES;
}

/**
 * 'bufferedamountlow' fires only when the queue falls to the threshold, so the threshold must sit
 * below any level at which the sender waits, or a wait would never end.
 */
export function lowThresholdFor(tuning: SendTuning, frameBytes: number): number {
  return Math.max(0, Math.min(tuning.lowWaterMarkBytes, tuning.highWaterMarkBytes - frameBytes));
}
