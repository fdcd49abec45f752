import { describe, expect, test } from 'vitest';
import { fileChannelLabel, transferIdOfLabel } from '../../../src/core/transfer/file-channel.ts';
import {
  chooseChunkBytes,
  hasRoomFor,
  lowThresholdFor,
  RECEIVE_WINDOW_BYTES,
  resolveSendTuning,
} from '../../../src/core/transfer/flow-control.ts';
import { FRAME_HEADER_BYTES } from '../../../src/core/transfer/frames.ts';

const KiB = 1024;

describe('chunk size', () => {
  test('64 KiB by default when the peer accepts it (Chromium 262144, Firefox 1073741823, unlimited)', () => {
    for (const max of [262144, 1073741823, Infinity]) expect(chooseChunkBytes(max, 64 * KiB)).toBe(64 * KiB);
  });

  test('a whole frame, header included, never exceeds the peer max-message-size', () => {
    expect(chooseChunkBytes(16 * KiB, 64 * KiB)).toBe(16 * KiB - FRAME_HEADER_BYTES);
    expect(chooseChunkBytes(262144, 1024 * KiB)).toBe(262144 - FRAME_HEADER_BYTES);
  });

  test('16 KiB frames when the limit is unknown or nonsense', () => {
    for (const max of [undefined, 0, NaN, 5]) expect(chooseChunkBytes(max, 64 * KiB)).toBe(16 * KiB - FRAME_HEADER_BYTES);
  });

  test('defaults follow the bench:transfer measurements: the largest message Chromium takes', () => {
    expect(resolveSendTuning({}, 262144)).toEqual({
      chunkBytes: 256 * KiB - FRAME_HEADER_BYTES,
      highWaterMarkBytes: 4 * 1024 * KiB,
      lowWaterMarkBytes: 1024 * KiB,
    });
  });
});

describe('backpressure', () => {
  test('a frame is queued only while the queue stays under the high-water mark, or the queue is empty', () => {
    expect(hasRoomFor(100, 100, 0, 0, 50)).toBe(true);
    expect(hasRoomFor(100, 100, 0, 900, 1000)).toBe(true);
    expect(hasRoomFor(100, 100, 0, 901, 1000)).toBe(false);
  });

  test('unacknowledged bytes never exceed the receive window', () => {
    expect(hasRoomFor(100, RECEIVE_WINDOW_BYTES, 0, 0, 1000)).toBe(true);
    expect(hasRoomFor(100, RECEIVE_WINDOW_BYTES + 1, 0, 0, 1000)).toBe(false);
    expect(hasRoomFor(100, RECEIVE_WINDOW_BYTES + 1, 1, 0, 1000)).toBe(true);
  });

  test('the low threshold sits below every level at which the sender waits', () => {
    const tuning = { chunkBytes: 100, highWaterMarkBytes: 1000, lowWaterMarkBytes: 950 };
    expect(lowThresholdFor(tuning, 113)).toBe(887);
    expect(lowThresholdFor({ ...tuning, lowWaterMarkBytes: 300 }, 113)).toBe(300);
    expect(lowThresholdFor({ ...tuning, highWaterMarkBytes: 10 }, 113)).toBe(0);
  });
});

describe('file channel labels', () => {
  test('carry the transfer id, and nothing else passes for one', () => {
    const id = crypto.randomUUID();
    expect(transferIdOfLabel(fileChannelLabel(id))).toBe(id);
    for (const label of ['control', 'file:', 'file:a b', 'files:abc', `file:${'x'.repeat(65)}`]) {
      expect(transferIdOfLabel(label)).toBeUndefined();
    }
  });
});
