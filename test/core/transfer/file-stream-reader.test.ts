import { describe, expect, test } from 'vitest';
import { FileStreamReader } from '../../../src/core/transfer/file-stream-reader.ts';
import { randomBytes } from './fixtures.ts';

/** The same bytes as a byte stream (BYOB reads) or as a default stream of uneven chunks. */
const streams = {
  'byte stream': (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]).stream(),
  'default stream': (bytes: Uint8Array<ArrayBuffer>) => {
    let at = 0;
    let size = 1;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(at, at + size));
        [at, size] = [at + size, (size * 7) % 70_001];
      },
    });
  },
};

describe.each(Object.entries(streams))('FileStreamReader over a %s', (_, streamOf) => {
  test('fills frame-sized payloads after a header gap, in order, the last one short', async () => {
    const file = randomBytes(1_000_003, 91);
    const reader = new FileStreamReader(streamOf(file));
    let buffer = new Uint8Array(13 + 65_536);
    buffer.set([1, 2, 3], 0);
    const read: Uint8Array[] = [];
    for (;;) {
      const { view, filled } = await reader.fill(buffer.subarray(13));
      expect(view.byteOffset).toBe(13);
      expect(view.byteLength).toBe(65_536);
      buffer = new Uint8Array(view.buffer);
      expect([...buffer.subarray(0, 3)]).toEqual([1, 2, 3]); // the header area is kept
      read.push(view.slice(0, filled));
      if (filled < view.byteLength) break;
    }
    expect(read.map((chunk) => chunk.byteLength)).toEqual([...Array<number>(15).fill(65_536), 1_000_003 - 15 * 65_536]);
    expect(Buffer.concat(read).equals(file)).toBe(true);
    expect(await reader.atEnd()).toBe(true);
  });

  test('atEnd is false while bytes remain, and they are still read afterwards', async () => {
    const file = randomBytes(100_000, 92);
    const reader = new FileStreamReader(streamOf(file));
    const first = await reader.fill(new Uint8Array(60_000));
    expect(first.filled).toBe(60_000);
    expect(await reader.atEnd()).toBe(false);
    const rest = await reader.fill(new Uint8Array(60_000));
    expect(rest.filled).toBe(40_000);
    expect(Buffer.from(rest.view.subarray(0, rest.filled)).equals(file.subarray(60_000))).toBe(true);
    expect(await reader.atEnd()).toBe(true);
  });

  test('an empty stream fills nothing and is at its end', async () => {
    const reader = new FileStreamReader(streamOf(new Uint8Array(0)));
    expect((await reader.fill(new Uint8Array(10))).filled).toBe(0);
    expect(await reader.atEnd()).toBe(true);
  });

  test('a stream that errors rejects fill(), and cancel() afterwards does not throw', async () => {
    const failing = new ReadableStream<Uint8Array>({
      type: streamOf === streams['byte stream'] ? 'bytes' : undefined,
      pull: (controller) => controller.error(new DOMException('file changed', 'NotReadableError')),
    });
    const reader = new FileStreamReader(failing);
    await expect(reader.fill(new Uint8Array(10))).rejects.toThrow('file changed');
    expect(() => reader.cancel()).not.toThrow();
  });
});
