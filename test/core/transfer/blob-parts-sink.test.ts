import { describe, expect, test } from 'vitest';
import { BlobPartsSink } from '../../../src/core/transfer/blob-parts-sink.ts';
import { randomBytes } from './fixtures.ts';

describe('BlobPartsSink', () => {
  test('gathers chunks into one Blob on close', async () => {
    const sink = new BlobPartsSink('text/plain', 1000);
    const bytes = randomBytes(5000, 2);
    for (let at = 0; at < bytes.length; at += 300) await sink.write(bytes.slice(at, at + 300));
    expect(sink.blob).toBeUndefined();
    await sink.close();
    expect(sink.blob?.type).toBe('text/plain');
    expect(new Uint8Array(await sink.blob!.arrayBuffer())).toEqual(bytes);
  });

  test('abort discards everything and refuses further writes', async () => {
    const sink = new BlobPartsSink();
    await sink.write(new Uint8Array([1]));
    await sink.abort();
    expect(sink.blob).toBeUndefined();
    await expect(sink.write(new Uint8Array([2]))).rejects.toThrow();
  });
});
