import type { FileSource } from './file-sink.ts';
import { FileStreamReader } from './file-stream-reader.ts';
import { FRAME_HEADER_BYTES } from './frames.ts';

/** done: every byte was handed on; stopped: stopped() or onPayload said to stop; error: the file could not be read. */
export type ReadOutcome = 'done' | 'stopped' | { readonly error: string };

/**
 * Reads [start, end) of source into the payload area of one frame buffer, chunkBytes at a time,
 * and hands each full payload (the last may be shorter) to onPayload until it returns false.
 * stopped() is asked after every read, since the transfer may end or pause while the file is read.
 */
export async function readIntoFrames(
  source: FileSource,
  start: number,
  end: number,
  chunkBytes: number,
  stopped: () => boolean,
  onPayload: (payload: Uint8Array<ArrayBuffer>) => Promise<boolean>,
): Promise<ReadOutcome> {
  if (start === end) return 'done';
  let reader: FileStreamReader | undefined;
  let frame = new Uint8Array(FRAME_HEADER_BYTES + chunkBytes);
  const changedSize = { error: 'the file changed size while being sent' };
  try {
    reader = new FileStreamReader(source.slice(start, end).stream());
    for (let at = start; at < end; ) {
      const length = Math.min(chunkBytes, end - at);
      const { view, filled } = await reader.fill(frame.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + length));
      frame = new Uint8Array(view.buffer);
      if (stopped()) return 'stopped';
      if (filled < length) return changedSize;
      if (!(await onPayload(view))) return 'stopped';
      at += length;
    }
    if (!(await reader.atEnd())) return changedSize;
  } catch (error) {
    // Chromium fails the read with NotReadableError when the file was modified or deleted after it was picked.
    return { error: `could not read the file: ${String(error)}` };
  } finally {
    reader?.cancel();
  }
  return stopped() ? 'stopped' : 'done';
}
