import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  DIGEST_BLOCK_BYTES,
  FileDigest,
  javaScriptBlockHasher,
  webCryptoBlockHasher,
  type BlockHasher,
} from '../../../src/core/transfer/file-digest.ts';
import { randomBytes } from './fixtures.ts';

/** The definition, written out with Node's own SHA-256. */
function referenceDigest(file: Uint8Array): Uint8Array {
  const outer = createHash('sha256');
  for (let at = 0; at < file.byteLength; at += DIGEST_BLOCK_BYTES) {
    outer.update(createHash('sha256').update(file.subarray(at, at + DIGEST_BLOCK_BYTES)).digest());
  }
  return new Uint8Array(outer.digest());
}

async function digestInPieces(file: Uint8Array, pieceBytes: readonly number[], hasher?: BlockHasher): Promise<Uint8Array> {
  const digest = new FileDigest(hasher);
  let at = 0;
  for (let i = 0; at < file.byteLength; i++) {
    const end = Math.min(file.byteLength, at + pieceBytes[i % pieceBytes.length]!);
    digest.update(file.subarray(at, end));
    at = end;
  }
  return digest.digest();
}

describe('FileDigest', () => {
  const file = randomBytes(3 * DIGEST_BLOCK_BYTES + 12_345, 7);

  test.each([
    ['4 MiB read windows', [4 * DIGEST_BLOCK_BYTES]],
    ['frame-sized pieces that never line up with blocks', [262_131]],
    ['ragged pieces, some empty', [1, 0, 999_999, 77, DIGEST_BLOCK_BYTES, 3]],
  ])('the same digest whatever the slicing: %s', async (_, pieces) => {
    const expected = referenceDigest(file);
    expect(await digestInPieces(file, pieces)).toEqual(expected);
    expect(await digestInPieces(file, pieces, javaScriptBlockHasher)).toEqual(expected);
    expect(await digestInPieces(file, pieces, webCryptoBlockHasher)).toEqual(expected);
  });

  test('sizes at block edges, and the empty file (SHA-256 of nothing)', async () => {
    for (const size of [0, 1, DIGEST_BLOCK_BYTES - 1, DIGEST_BLOCK_BYTES, DIGEST_BLOCK_BYTES + 1, 2 * DIGEST_BLOCK_BYTES]) {
      expect(await digestInPieces(file.subarray(0, size), [300_000])).toEqual(referenceDigest(file.subarray(0, size)));
    }
  });

  test('one flipped bit, a missing byte or an extra zero byte changes it', async () => {
    const original = await digestInPieces(file, [262_131]);
    const flipped = file.slice();
    flipped[2 * DIGEST_BLOCK_BYTES + 5]! ^= 0x10;
    const extended = new Uint8Array(file.byteLength + 1);
    extended.set(file);
    for (const other of [flipped, file.subarray(0, file.byteLength - 1), extended]) {
      expect(await digestInPieces(other, [262_131])).not.toEqual(original);
    }
  });

  test('blocks fold in file order even when their digests finish out of order', async () => {
    let call = 0;
    const unevenHasher: BlockHasher = (block) => {
      const delayMs = call++ % 2 === 0 ? 20 : 0; // even blocks finish after the odd ones
      const digest = javaScriptBlockHasher(block);
      return new Promise((resolve) => setTimeout(() => resolve(digest), delayMs));
    };
    expect(await digestInPieces(file, [500_000], unevenHasher)).toEqual(referenceDigest(file));
  });

  test('a failing block hasher makes digest() reject', async () => {
    const digest = new FileDigest(async () => Promise.reject(new Error('no hashing today')));
    digest.update(file);
    await expect(digest.digest()).rejects.toThrow('no hashing today');
  });
});
